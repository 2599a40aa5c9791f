import pg from 'pg';
import { setTimeout as sleep } from 'node:timers/promises';

export function createPool(): pg.Pool {
  return new pg.Pool({
    connectionString: process.env.DATABASE_URL,
    max: 10,
    idleTimeoutMillis: 30_000,
  });
}

// Called once from main: Postgres may still be starting when the container boots.
export async function connectWithRetry(attempts = 10): Promise<pg.Pool> {
  let lastError: unknown;
  for (let i = 1; i <= attempts; i++) {
    const pool = createPool();
    try {
      await pool.query('SELECT 1');
      return pool;
    } catch (err) {
      lastError = err;
      await pool.end().catch(() => undefined);
      console.warn(`postgres not ready (attempt ${i}/${attempts})`);
      await sleep(Math.min(1000 * i, 5000));
    }
  }
  throw lastError;
}
