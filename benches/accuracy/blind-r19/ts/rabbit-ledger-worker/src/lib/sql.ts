import postgres from "postgres";

// Supabase Supavisor, transaction mode.
export const sql = postgres({
  host: process.env.PGHOST ?? "aws-0-eu-west-2.pooler.supabase.com",
  port: 6543,
  database: "postgres",
  username: process.env.PGUSER,
  password: process.env.PGPASSWORD,
  ssl: "require",
  max: 10,
  idle_timeout: 20,
});
