import pg from "pg";

// Operational database: job bookkeeping, upload status.
export const appPool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: 10,
  idleTimeoutMillis: 30_000,
});

// Analytics warehouse (separate Postgres cluster).
export function openWarehouse(): pg.Pool {
  return new pg.Pool({
    connectionString: process.env.WAREHOUSE_URL,
    max: 4,
    statement_timeout: 120_000,
  });
}
