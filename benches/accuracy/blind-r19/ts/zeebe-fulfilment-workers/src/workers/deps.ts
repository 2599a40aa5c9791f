import type { MikroORM } from "@mikro-orm/postgresql";
import type { AxiosInstance } from "axios";

export interface WorkerDeps {
  orm: MikroORM;
  payments: AxiosInstance;
}
