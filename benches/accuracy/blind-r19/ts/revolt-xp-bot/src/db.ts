import pg from "pg";
import { setTimeout as sleep } from "node:timers/promises";

const MAX_ATTEMPTS = 10;

/**
 * Called once from main. The database container is often still starting when
 * the bot boots, so keep trying for a while before giving up.
 */
export async function connectWithRetry(): Promise<pg.Pool> {
  for (let attempt = 1; ; attempt++) {
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 8 });
    try {
      await pool.query("SELECT 1");
      console.log(`[db] connected after ${attempt} attempt(s)`);
      return pool;
    } catch (err) {
      await pool.end().catch(() => {});
      if (attempt >= MAX_ATTEMPTS) throw err;
      console.warn(`[db] not ready (${(err as Error).message}), retrying in ${attempt}s`);
      await sleep(attempt * 1000);
    }
  }
}
