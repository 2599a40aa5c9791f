import { Pool } from 'pg';
import { createClient as createRedis } from 'redis';
import { createClient as createClickHouse } from '@clickhouse/client';

// Each factory is called exactly once, from main() in server.ts.

export function createRegistryPool(): Pool {
  return new Pool({
    connectionString: process.env.REGISTRY_DATABASE_URL,
    max: 8,
    idleTimeoutMillis: 30_000,
    statement_timeout: 500,
    application_name: 'internal-resolver',
  });
}

export async function createAnswerCache() {
  const cache = createRedis({
    url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/1',
    socket: { reconnectStrategy: (retries) => Math.min(retries * 100, 3_000) },
  });
  cache.on('error', (err) => console.error(`redis: ${err.message}`));
  await cache.connect();
  return cache;
}

export type AnswerCache = Awaited<ReturnType<typeof createAnswerCache>>;

export function createQueryLog() {
  return createClickHouse({
    url: process.env.CLICKHOUSE_URL ?? 'http://clickhouse.internal:8123',
    username: process.env.CLICKHOUSE_USER ?? 'resolver',
    password: process.env.CLICKHOUSE_PASSWORD ?? '',
    database: 'netops',
    max_open_connections: 2,
  });
}
