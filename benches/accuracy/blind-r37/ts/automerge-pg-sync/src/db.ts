import pg from "pg";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// Called once from main. Postgres may still be starting when the container
// comes up, so probe with a few attempts and keep the first pool that works.
export async function connectWithRetry(attempts = 10): Promise<pg.Pool> {
  for (let i = 1; i <= attempts; i++) {
    const pool = new pg.Pool({
      connectionString: process.env.DATABASE_URL,
      max: 10,
      connectionTimeoutMillis: 3000,
    });
    try {
      await pool.query("SELECT 1");
      return pool;
    } catch (err) {
      await pool.end().catch(() => {});
      console.warn(`postgres not ready (attempt ${i}/${attempts}): ${(err as Error).message}`);
      await sleep(Math.min(1000 * 2 ** i, 15_000));
    }
  }
  throw new Error("could not reach postgres");
}
