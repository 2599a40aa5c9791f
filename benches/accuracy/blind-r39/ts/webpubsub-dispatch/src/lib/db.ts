import { Pool } from "pg";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Each process (web, worker) calls this exactly once from its main().
 * Retries only while the database is still coming up, then hands back the pool.
 */
export async function createPool(appName: string, max = 10): Promise<Pool> {
  for (let attempt = 1; attempt <= 10; attempt++) {
    const pool = new Pool({
      connectionString: process.env.DATABASE_URL,
      max,
      application_name: appName,
    });
    try {
      await pool.query("SELECT 1");
      return pool;
    } catch (err) {
      await pool.end().catch(() => undefined);
      console.warn(`[${appName}] database not ready (attempt ${attempt}):`, (err as Error).message);
      await sleep(attempt * 1_000);
    }
  }
  throw new Error("database unavailable");
}
