import pg from "pg";

// Imported by the job modules; Sidequest loads each job module once per
// runner thread, so this is one small pool per thread.
export const pool = new pg.Pool({
  connectionString: process.env.BILLING_DATABASE_URL,
  max: 4,
  idleTimeoutMillis: 30_000,
});
