import pg from "pg";
import { setTimeout as sleep } from "node:timers/promises";

// Called once from main(). Retries only while the database is coming up,
// then returns the single pool used for the lifetime of the board.
export async function connectWithRetry(attempts = 5): Promise<pg.Pool> {
  let lastError: unknown;
  for (let i = 1; i <= attempts; i++) {
    const pool = new pg.Pool({ connectionString: process.env.DISPATCH_DATABASE_URL, max: 4 });
    try {
      await pool.query("SELECT 1");
      return pool;
    } catch (err) {
      lastError = err;
      await pool.end().catch(() => undefined);
      await sleep(Math.min(1000 * 2 ** i, 15_000));
    }
  }
  throw new Error(`database unreachable after ${attempts} attempts: ${String(lastError)}`);
}
