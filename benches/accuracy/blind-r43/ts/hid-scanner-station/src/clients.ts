import { Redis } from 'ioredis';
import pg from 'pg';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// The station boots faster than the warehouse network; wait for Postgres, once, at start-up.
export async function connectPool(): Promise<pg.Pool> {
  let lastErr: unknown;
  for (let attempt = 1; attempt <= 30; attempt++) {
    const pool = new pg.Pool({ connectionString: process.env.WMS_DATABASE_URL, max: 3 });
    try {
      await pool.query('SELECT 1');
      return pool;
    } catch (err) {
      lastErr = err;
      await pool.end().catch(() => undefined);
      await sleep(2_000);
    }
  }
  throw lastErr;
}

export function connectRedis(): Redis {
  return new Redis(process.env.REDIS_URL ?? 'redis://wms-cache.local:6379/1', { maxRetriesPerRequest: 3 });
}
