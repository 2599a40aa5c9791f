import pg from 'pg';
import { setTimeout as sleep } from 'node:timers/promises';

export function createPool(): pg.Pool {
  return new pg.Pool({
    connectionString: process.env.INVENTORY_DATABASE_URL,
    max: 12,
    idleTimeoutMillis: 30_000,
  });
}

/**
 * Start-up only: the database container is often still booting when the
 * service starts, so wait for it with a bounded number of attempts.
 */
export async function connectWithRetry(attempts = 10): Promise<pg.Pool> {
  for (let attempt = 1; ; attempt++) {
    const pool = createPool();
    try {
      await pool.query('SELECT 1');
      return pool;
    } catch (err) {
      await pool.end();
      if (attempt >= attempts) throw err;
      console.warn(`database not ready (attempt ${attempt}/${attempts}), retrying`);
      await sleep(Math.min(500 * 2 ** attempt, 10_000));
    }
  }
}
