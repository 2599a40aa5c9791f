import { Kysely, PostgresDialect, type Generated } from 'kysely';
import pg from 'pg';

export interface Database {
  invoices: {
    id: Generated<string>;
    customer_id: string;
    amount_cents: number;
    currency: string;
    status: 'draft' | 'open' | 'paid' | 'void';
    due_at: Date;
    created_at: Generated<Date>;
  };
  customers: {
    id: string;
    email: string;
    name: string;
  };
}

export function getDb(): Kysely<Database> {
  return new Kysely<Database>({
    dialect: new PostgresDialect({
      pool: new pg.Pool({ connectionString: process.env.DIRECT_DATABASE_URL, max: 4 }),
    }),
  });
}
