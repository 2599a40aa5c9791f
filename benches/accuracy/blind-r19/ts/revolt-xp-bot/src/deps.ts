import type pg from "pg";
import type Valkey from "iovalkey";

export interface Deps {
  pool: pg.Pool;
  valkey: Valkey;
}
