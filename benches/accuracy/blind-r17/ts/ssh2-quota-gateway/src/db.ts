import pg from 'pg';

// Called once by main(); the pool is handed to every connection handler.
export function createPool(): pg.Pool {
  return new pg.Pool({
    connectionString: process.env.DATABASE_URL,
    max: 12,
    idleTimeoutMillis: 30_000,
  });
}
