import pg from "pg";

/**
 * Each process (bot, web) calls this exactly once at start-up and keeps the
 * returned pool for its lifetime.
 */
export function createPool(applicationName: string): pg.Pool {
  return new pg.Pool({
    connectionString: process.env.DATABASE_URL,
    application_name: applicationName,
    max: 8,
    idleTimeoutMillis: 60_000,
  });
}
