import postgres from "postgres";

// Supabase transaction-mode pooler (Supavisor) on port 6543
const url =
  process.env.SUPABASE_DB_URL ??
  "postgres://postgres.qzkxwvbyrtnmrfhe:password@aws-0-eu-central-1.pooler.supabase.com:6543/postgres";

export const sql = postgres(url, {
  max: 5,
  idle_timeout: 20,
  ssl: "require",
});
