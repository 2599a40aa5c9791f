import Redis from "ioredis";

// Presence lives in the Redis of the agent's region. One client per region,
// created the first time the region is seen and reused afterwards. Regions
// come from a fixed allow-list, so the cache is bounded.
const REGION_URLS: Record<string, string> = {
  eu: process.env.REDIS_EU_URL ?? "redis://redis-eu:6379",
  us: process.env.REDIS_US_URL ?? "redis://redis-us:6379",
  ap: process.env.REDIS_AP_URL ?? "redis://redis-ap:6379",
};

const clients = new Map<string, Redis>();

export function regionRedis(region: string): Redis {
  const url = REGION_URLS[region];
  if (!url) throw new Error(`unknown region ${region}`);
  let client = clients.get(region);
  if (!client) {
    client = new Redis(url, { connectionName: "support-call-signal", enableAutoPipelining: true });
    clients.set(region, client);
  }
  return client;
}

export async function closeRegionClients(): Promise<void> {
  await Promise.all([...clients.values()].map((c) => c.quit()));
  clients.clear();
}
