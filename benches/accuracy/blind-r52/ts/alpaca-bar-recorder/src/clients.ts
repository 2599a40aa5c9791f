import { Pool } from 'pg';
import Redis from 'ioredis';

// Process-wide singletons. The stream callbacks call these getters on every
// trade/bar; the first call creates the client, later calls return it.
let pool: Pool | undefined;
let redis: Redis | undefined;

export function getPool(): Pool {
  if (!pool) {
    pool = new Pool({
      connectionString: process.env.MARKET_DB_URL,
      max: 4,
      idleTimeoutMillis: 60_000,
      application_name: 'alpaca-bar-recorder',
    });
    pool.on('error', (err) => console.error('[pg] idle client error', err.message));
  }
  return pool;
}

export function getRedis(): Redis {
  if (!redis) {
    redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', {
      maxRetriesPerRequest: 3,
      enableAutoPipelining: true,
    });
  }
  return redis;
}

export async function closeClients(): Promise<void> {
  const closing: Promise<unknown>[] = [];
  if (pool) closing.push(pool.end());
  if (redis) closing.push(redis.quit());
  pool = undefined;
  redis = undefined;
  await Promise.allSettled(closing);
}
