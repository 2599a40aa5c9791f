import pg from "pg";
import { delay } from "@std/async";

export const pool = new pg.Pool({
  connectionString: Deno.env.get("DATABASE_URL"),
  max: 6,
  idleTimeoutMillis: 60_000,
});

/** Block start-up until Postgres answers; give up after a few attempts. */
export async function waitForDatabase(maxAttempts = 8): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      const client = await pool.connect();
      client.release();
      return;
    } catch (err) {
      if (attempt >= maxAttempts) throw err;
      console.warn(`postgres not ready (attempt ${attempt}): ${(err as Error).message}`);
      await delay(Math.min(30_000, 500 * 2 ** attempt));
    }
  }
}
