import { Pool } from 'pg';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Called once from main(). The box often boots before Postgres is reachable,
// so keep trying for a while; every failed pool is ended before the next try.
export async function connectWithRetry(connectionString: string, attempts = 15): Promise<Pool> {
  for (let attempt = 1; ; attempt++) {
    const pool = new Pool({ connectionString, max: 4, idleTimeoutMillis: 60_000 });
    try {
      await pool.query('SELECT 1');
      console.info(`postgres ready after ${attempt} attempt(s)`);
      return pool;
    } catch (err) {
      await pool.end().catch(() => undefined);
      if (attempt >= attempts) throw err;
      console.warn(`postgres not ready (attempt ${attempt}/${attempts}): ${(err as Error).message}`);
      await sleep(Math.min(2_000 * attempt, 15_000));
    }
  }
}
