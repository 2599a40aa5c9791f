import { Kysely, PostgresDialect, type Generated } from "kysely";
import pg from "pg";

interface OrdersTable {
  id: Generated<number>;
  customer_email: string;
  sku: string;
  quantity: number;
  created_at: Generated<Date>;
}

export interface DB {
  orders: OrdersTable;
}

export const db = new Kysely<DB>({
  dialect: new PostgresDialect({
    pool: new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 60 }),
  }),
});
