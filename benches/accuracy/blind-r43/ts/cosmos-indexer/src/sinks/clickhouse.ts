import { createClient, type ClickHouseClient } from '@clickhouse/client';

export function makeClickhouse(): ClickHouseClient {
  return createClient({
    url: process.env.CLICKHOUSE_URL ?? 'http://127.0.0.1:8123',
    username: process.env.CLICKHOUSE_USER ?? 'default',
    password: process.env.CLICKHOUSE_PASSWORD ?? '',
    database: 'chain',
    max_open_connections: 4,
  });
}
