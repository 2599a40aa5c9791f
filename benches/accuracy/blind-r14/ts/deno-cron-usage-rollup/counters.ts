import Redis from "ioredis";

// Usage counters live in the Redis of the tenant's region. One client per region,
// created on first use and kept for the life of the process.
const REGION_URLS: Record<string, string | undefined> = {
  eu: Deno.env.get("REDIS_EU_URL"),
  us: Deno.env.get("REDIS_US_URL"),
  ap: Deno.env.get("REDIS_AP_URL"),
};

const byRegion = new Map<string, Redis>();

export function countersFor(region: string): Redis {
  let client = byRegion.get(region);
  if (!client) {
    const url = REGION_URLS[region];
    if (!url) throw new Error(`no redis configured for region ${region}`);
    client = new Redis(url, { maxRetriesPerRequest: 3 });
    byRegion.set(region, client);
  }
  return client;
}

export async function closeAll(): Promise<void> {
  await Promise.all([...byRegion.values()].map((c) => c.quit()));
  byRegion.clear();
}
