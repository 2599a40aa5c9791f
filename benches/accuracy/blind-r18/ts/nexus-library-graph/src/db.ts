import { createPool, sql, type DatabasePool } from 'slonik';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Called once from main(). Postgres may still be starting when the container
 * comes up, so probe it a few times; a pool whose probe failed is ended
 * before the next attempt.
 */
export async function connectWithRetry(uri: string, attempts = 10): Promise<DatabasePool> {
  for (let attempt = 1; ; attempt++) {
    let pool: DatabasePool | undefined;
    try {
      pool = await createPool(uri, { maximumPoolSize: 10, idleTimeout: 30_000, connectionTimeout: 5_000 });
      await pool.query(sql.unsafe`SELECT 1`);
      return pool;
    } catch (err) {
      await pool?.end().catch(() => undefined);
      if (attempt >= attempts) throw err;
      console.warn(`postgres not ready (attempt ${attempt}/${attempts}): ${(err as Error).message}`);
      await sleep(1000 * attempt);
    }
  }
}
