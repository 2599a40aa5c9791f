import { Pool } from 'pg';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Builds the bot's single pg Pool. Called once from main(); retries until the
 * database accepts connections (it often starts after us in docker compose).
 */
export async function createPool(attempts = 10): Promise<Pool> {
  for (let attempt = 1; ; attempt++) {
    const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 5 });
    try {
      await pool.query('SELECT 1');
      return pool;
    } catch (err) {
      await pool.end().catch(() => {});
      if (attempt >= attempts) throw err;
      console.warn(`postgres not ready (attempt ${attempt}/${attempts}), retrying`);
      await sleep(Math.min(1000 * 2 ** attempt, 15_000));
    }
  }
}
