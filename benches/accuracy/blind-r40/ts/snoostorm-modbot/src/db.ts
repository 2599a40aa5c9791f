import pg from "pg";
import { setTimeout as sleep } from "node:timers/promises";

/**
 * Called once from main(). Retries until Postgres accepts connections; every
 * failed attempt ends its pool before the next one, and the loop returns the
 * first pool that works.
 */
export async function createPoolWithRetry(connectionString: string, attempts = 10): Promise<pg.Pool> {
  let lastError: unknown;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const pool = new pg.Pool({ connectionString, max: 5 });
    try {
      await pool.query("select 1");
      return pool;
    } catch (err) {
      lastError = err;
      await pool.end().catch(() => undefined);
      console.warn(`postgres not ready (attempt ${attempt}/${attempts})`);
      await sleep(Math.min(1000 * 2 ** attempt, 15_000));
    }
  }
  throw lastError;
}
