import postgres from 'postgres';

// Orders live in the Supabase project; we go through the shared pooler so the
// agent can scale out without exhausting direct connections.
export const sql = postgres({
  host: 'aws-0-eu-central-1.pooler.supabase.com',
  port: 6543,
  database: 'postgres',
  username: process.env.SUPABASE_DB_USER ?? 'postgres.qzkfhxjwnlbtvm',
  password: process.env.SUPABASE_DB_PASSWORD,
  ssl: 'require',
  max: 5,
  idle_timeout: 20,
});

export type OrderRow = {
  id: string;
  status: string;
  carrier: string | null;
  tracking_number: string | null;
  placed_at: Date;
  total_cents: number;
};
