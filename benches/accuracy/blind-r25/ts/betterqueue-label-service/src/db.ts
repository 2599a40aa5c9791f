import { Pool } from 'pg';
import { setTimeout as sleep } from 'node:timers/promises';

const MAX_ATTEMPTS = 10;

// Postgres may still be starting when the container comes up: probe a fresh pool
// until it answers, then keep that pool for the lifetime of the process.
export async function connectWithRetry(): Promise<Pool> {
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const pool = new Pool({
      connectionString: process.env.DATABASE_URL,
      max: 6,
      idleTimeoutMillis: 30_000,
    });
    try {
      await pool.query('SELECT 1');
      console.log(`db: connected on attempt ${attempt}`);
      return pool;
    } catch (err) {
      await pool.end().catch(() => undefined);
      console.warn(`db: attempt ${attempt}/${MAX_ATTEMPTS} failed: ${(err as Error).message}`);
      await sleep(Math.min(1000 * 2 ** attempt, 15_000));
    }
  }
  throw new Error('database unreachable, giving up');
}
