import postgres from 'postgres';

// Supabase connection pooler (transaction mode) so that every service instance shares server slots.
export const sql = postgres({
  host: process.env.PGHOST ?? 'aws-0-eu-central-1.pooler.supabase.com',
  port: 6543,
  database: 'postgres',
  username: process.env.PGUSER ?? 'postgres.xyzcompanyref',
  password: process.env.PGPASSWORD,
  ssl: 'require',
  max: 5,
  idle_timeout: 20,
});
