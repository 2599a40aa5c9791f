import { Redis } from 'ioredis';
import pg from 'pg';

let pool: pg.Pool | undefined;
let redis: Redis | undefined;

export interface TestServiceConfig {
  databaseUrl: string;
  redisUrl: string;
}

/** Called exactly once, from the global `setup` hook in bin/test.ts. */
export async function openTestServices(config: TestServiceConfig): Promise<void> {
  pool = new pg.Pool({ connectionString: config.databaseUrl, max: 4 });
  redis = new Redis(config.redisUrl, { lazyConnect: true });
  await redis.connect();
  await pool.query('select 1');
}

export async function closeTestServices(): Promise<void> {
  await redis?.quit();
  await pool?.end();
  redis = undefined;
  pool = undefined;
}

export function testPool(): pg.Pool {
  if (!pool) throw new Error('test services are not open; is the setup hook configured?');
  return pool;
}

export function testRedis(): Redis {
  if (!redis) throw new Error('test services are not open; is the setup hook configured?');
  return redis;
}

/**
 * Checks a connection out of the shared pool and opens a transaction.
 * The returned cleanup rolls everything back and returns the connection.
 */
export async function transactionalClient(): Promise<{ client: pg.PoolClient; cleanup: () => Promise<void> }> {
  const client = await testPool().connect();
  try {
    await client.query('BEGIN');
  } catch (err) {
    client.release(err as Error);
    throw err;
  }
  return {
    client,
    cleanup: async () => {
      try {
        await client.query('ROLLBACK');
      } finally {
        client.release();
      }
    },
  };
}
