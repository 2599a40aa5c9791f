import pg from 'pg';
import { Redis } from 'ioredis';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Builds the reports pool, retrying while Postgres is still starting
 * (the bot and the database are started together by compose).
 * Called once from main; a pool whose probe failed is ended before retrying.
 */
export async function openPool(url: string, attempts = 6): Promise<pg.Pool> {
  let lastError: unknown;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const pool = new pg.Pool({ connectionString: url, max: 5, idleTimeoutMillis: 60_000 });
    try {
      await pool.query('SELECT 1');
      return pool;
    } catch (err) {
      lastError = err;
      await pool.end().catch(() => undefined);
      console.warn(`postgres not ready (attempt ${attempt}/${attempts})`);
      await sleep(attempt * 2_000);
    }
  }
  throw lastError;
}

export function openRedis(url: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: 2, enableAutoPipelining: true });
}
