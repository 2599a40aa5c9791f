import { createClient, type ClickHouseClient } from '@clickhouse/client';

// Each building site has its own ClickHouse service; clients are created on
// first use and reused for the lifetime of the process.
const clients = new Map<string, ClickHouseClient>();

export function siteClickHouse(siteId: string): ClickHouseClient {
  let client = clients.get(siteId);
  if (!client) {
    client = createClient({
      url: process.env[`CH_URL_${siteId.toUpperCase()}`] ?? process.env.CH_DEFAULT_URL,
      username: process.env.CH_USER ?? 'collector',
      password: process.env.CH_PASSWORD ?? '',
      database: `site_${siteId}`,
    });
    clients.set(siteId, client);
  }
  return client;
}

export async function closeAll(): Promise<void> {
  await Promise.all([...clients.values()].map((c) => c.close()));
  clients.clear();
}
