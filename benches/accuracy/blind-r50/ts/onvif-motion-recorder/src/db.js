import pg from 'pg';
import { setTimeout as sleep } from 'node:timers/promises';

// Called once from main. Retries while Postgres is still coming up after a power cut.
export async function connectWithRetry(connectionString, attempts = 10) {
  for (let attempt = 1; ; attempt++) {
    const pool = new pg.Pool({ connectionString, max: 5 });
    try {
      await pool.query('SELECT 1');
      return pool;
    } catch (err) {
      await pool.end().catch(() => {});
      if (attempt >= attempts) throw err;
      console.warn(`postgres not ready (attempt ${attempt}/${attempts}): ${err.message}`);
      await sleep(Math.min(30_000, 1000 * 2 ** attempt));
    }
  }
}
