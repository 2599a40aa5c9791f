import pg from 'pg';
import { setTimeout as sleep } from 'node:timers/promises';

const MAX_ATTEMPTS = 10;

// Called once from main(). The database is often still starting when the broker
// container comes up, so keep trying for a while before giving up.
export async function connectPool(): Promise<pg.Pool> {
  for (let attempt = 1; ; attempt++) {
    const pool = new pg.Pool({
      connectionString: process.env.DATABASE_URL,
      max: 10,
      connectionTimeoutMillis: 3_000,
    });
    try {
      await pool.query('SELECT 1');
      pool.on('error', (err) => console.error('pg idle client error', err));
      return pool;
    } catch (err) {
      await pool.end().catch(() => undefined);
      if (attempt >= MAX_ATTEMPTS) throw err;
      const delay = Math.min(500 * 2 ** attempt, 15_000);
      console.warn(`postgres not ready (attempt ${attempt}/${MAX_ATTEMPTS}), retrying in ${delay}ms`);
      await sleep(delay);
    }
  }
}
