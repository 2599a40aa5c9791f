import postgres from "postgres";

// Billing lives in Supabase; we go through the shared pooler (transaction mode).
export const billing = postgres({
  host: "aws-0-eu-central-1.pooler.supabase.com",
  port: 6543,
  database: "postgres",
  username: process.env.SUPABASE_DB_USER,
  password: process.env.SUPABASE_DB_PASSWORD,
  ssl: "require",
  max: 5,
});
