import pg from "pg";
import postgres from "postgres";

// Orders database (our own Postgres, direct connection).
export const pool = new pg.Pool({
  connectionString: process.env.ORDERS_DATABASE_URL,
  max: 10,
  idleTimeoutMillis: 30_000,
});

pool.on("error", (err) => {
  console.error("idle pg client error", err);
});

// Shipping ledger lives in the logistics team's Supabase project. We go through
// the shared pooler because the direct host is IPv6 only in our VPC.
export const ledger = postgres({
  host: process.env.LEDGER_DB_HOST ?? "aws-0-eu-central-1.pooler.supabase.com",
  port: 6543,
  database: "postgres",
  username: process.env.LEDGER_DB_USER,
  password: process.env.LEDGER_DB_PASSWORD,
  ssl: "require",
  max: 5,
});

export async function closeAll(): Promise<void> {
  await Promise.allSettled([pool.end(), ledger.end({ timeout: 5 })]);
}

export async function healthy(): Promise<boolean> {
  try {
    await pool.query("SELECT 1");
    await ledger`SELECT 1`;
    return true;
  } catch {
    return false;
  }
}
