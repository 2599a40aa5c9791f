import { createClient, type ClickHouseClient } from '@clickhouse/client';

export function makeClickHouse(appName: string): ClickHouseClient {
  return createClient({
    url: process.env.CLICKHOUSE_URL ?? 'http://localhost:8123',
    username: process.env.CLICKHOUSE_USER ?? 'default',
    password: process.env.CLICKHOUSE_PASSWORD ?? '',
    database: 'analytics',
    application: appName,
    max_open_connections: 4,
    request_timeout: 60_000,
  });
}
