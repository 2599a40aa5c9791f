import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import pg from 'pg';

/**
 * Client factories. Only main.ts calls these, once, at start-up; everything
 * else receives the instances through `Deps`.
 */
export async function createPool(connectionString: string): Promise<pg.Pool> {
  const pool = new pg.Pool({
    connectionString,
    max: 12,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 5_000,
  });
  pool.on('error', (err) => console.error('idle pg client error', err));

  // Postgres may still be starting when the pod comes up: probe until it answers.
  for (let attempt = 1; ; attempt++) {
    try {
      const client = await pool.connect();
      client.release();
      break;
    } catch (err) {
      if (attempt >= 10) {
        await pool.end();
        throw err;
      }
      console.warn(`postgres not ready (attempt ${attempt}), retrying`);
      await sleep(Math.min(500 * 2 ** attempt, 10_000));
    }
  }
  return pool;
}

export function createRedis(url: string): Redis {
  const redis = new Redis(url, {
    maxRetriesPerRequest: 2,
    enableAutoPipelining: true,
    lazyConnect: false,
  });
  redis.on('error', (err) => console.error('redis error', err.message));
  return redis;
}

export interface Deps {
  pool: pg.Pool;
  redis: Redis;
}
