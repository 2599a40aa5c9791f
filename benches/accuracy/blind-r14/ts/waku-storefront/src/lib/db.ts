import postgres from 'postgres';

// Supabase project database, reached through Supavisor in transaction mode.
export const sql = postgres({
  host: process.env.PGHOST ?? 'aws-0-eu-central-1.pooler.supabase.com',
  port: 6543,
  database: 'postgres',
  username: process.env.PGUSER,
  password: process.env.PGPASSWORD,
  ssl: 'require',
  max: 5,
});

export interface Product {
  id: number;
  slug: string;
  name: string;
  description: string;
  price_cents: number;
  stock: number;
}
