import pg from "pg";

// Shared by every entry point. Each process calls it exactly once from its
// own main and passes the pool down.
export function createPool(applicationName: string, max = 5): pg.Pool {
  const pool = new pg.Pool({
    connectionString: process.env.RELAY_DATABASE_URL,
    application_name: applicationName,
    max,
    idleTimeoutMillis: 30_000,
  });
  pool.on("error", (err) => console.error(`[${applicationName}] idle client error`, err));
  return pool;
}

export type OutboxEvent = {
  id: string;
  aggregatetype: string;
  aggregateid: string;
  type: string;
  payload: unknown;
};
