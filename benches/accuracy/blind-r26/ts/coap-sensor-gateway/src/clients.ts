import { Pool } from 'pg';
import Redis from 'ioredis';
import { setTimeout as sleep } from 'node:timers/promises';

export function createPool(): Pool {
  return new Pool({
    connectionString: process.env.DATABASE_URL ?? 'postgres://sensors:sensors@localhost:5432/sensors',
    max: 10,
    idleTimeoutMillis: 30_000,
  });
}

export function createRedis(): Redis {
  return new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379/0', { maxRetriesPerRequest: 2 });
}

/**
 * The gateway boots on the same edge box as Postgres; wait for it instead of crash-looping.
 * Builds one pool and probes it; only the probe is retried.
 */
export async function connectWithRetry(attempts = 20): Promise<Pool> {
  const pool = createPool();
  for (let i = 1; ; i++) {
    try {
      await pool.query('SELECT 1');
      return pool;
    } catch (err) {
      if (i >= attempts) {
        await pool.end();
        throw err;
      }
      console.warn(`postgres not ready (attempt ${i}/${attempts}): ${(err as Error).message}`);
      await sleep(Math.min(1000 * i, 10_000));
    }
  }
}
