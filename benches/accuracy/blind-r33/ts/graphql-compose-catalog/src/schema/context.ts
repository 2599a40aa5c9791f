import type { Pool } from "pg";
import type { Client } from "@elastic/elasticsearch";

export interface Ctx {
  tenant: string;
  pool: Pool;
  search: Client;
}
