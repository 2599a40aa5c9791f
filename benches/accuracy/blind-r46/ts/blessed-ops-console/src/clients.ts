import { createClient, type ClickHouseClient } from '@clickhouse/client';
import Redis from 'ioredis';

export type Clients = { redis: Redis; clickhouse: ClickHouseClient };

// Builds the console's connections. Called once from main(); everything
// else receives the returned object.
export function createClients(): Clients {
  const redis = new Redis(process.env.OPS_REDIS_URL ?? 'redis://localhost:6379/0', {
    lazyConnect: false,
    maxRetriesPerRequest: 1,
  });
  const clickhouse = createClient({
    url: process.env.OPS_CLICKHOUSE_URL ?? 'http://localhost:8123',
    username: process.env.OPS_CLICKHOUSE_USER ?? 'readonly',
    password: process.env.OPS_CLICKHOUSE_PASSWORD ?? '',
    database: 'observability',
    request_timeout: 10_000,
  });
  return { redis, clickhouse };
}

export async function closeClients({ redis, clickhouse }: Clients): Promise<void> {
  await Promise.allSettled([redis.quit(), clickhouse.close()]);
}
