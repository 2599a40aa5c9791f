import { createClient, type ClickHouseClient } from '@clickhouse/client';

/**
 * Every site (datacenter) has its own ClickHouse cluster. Clients are created lazily,
 * once per site, and reused for the lifetime of the process.
 */
const sinks = new Map<string, ClickHouseClient>();

const SITE_URLS: Record<string, string> = {
  fra1: process.env.CH_FRA1_URL ?? 'http://ch-fra1.internal:8123',
  ams2: process.env.CH_AMS2_URL ?? 'http://ch-ams2.internal:8123',
  lon1: process.env.CH_LON1_URL ?? 'http://ch-lon1.internal:8123',
};

export function sinkFor(site: string): ClickHouseClient {
  let client = sinks.get(site);
  if (!client) {
    const url = SITE_URLS[site];
    if (!url) throw new Error(`no ClickHouse configured for site ${site}`);
    client = createClient({
      url,
      username: process.env.CH_USER ?? 'traps',
      password: process.env.CH_PASSWORD ?? '',
      database: 'netops',
      max_open_connections: 4,
    });
    sinks.set(site, client);
  }
  return client;
}

export async function closeAllSinks(): Promise<void> {
  await Promise.allSettled([...sinks.values()].map((c) => c.close()));
  sinks.clear();
}
