import pg from "pg";

export const STREAM = "clicks";
export const GROUP = "clicks-writer";

// Each process (web, worker, scripts) calls this exactly once at start-up.
export function createPool(role: string, max = 10): pg.Pool {
  const pool = new pg.Pool({
    connectionString: process.env.DATABASE_URL,
    application_name: `clickstream-${role}`,
    max,
  });
  pool.on("error", (err) => console.error(`[${role}] idle client error`, err));
  return pool;
}

export interface ClickEvent {
  campaign: string;
  url: string;
  visitor: string;
  ts: number;
}
