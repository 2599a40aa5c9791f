import { readFileSync } from "node:fs";
import Redis from "ioredis";

const tenants: Record<string, { redisUrl: string }> = JSON.parse(
  readFileSync(new URL("../config/tenants.json", import.meta.url), "utf8"),
);

const caches = new Map<string, Redis>();

// One cart cache per configured tenant, created on first use and reused afterwards.
export function cartCache(tenant: string): Redis {
  const cfg = tenants[tenant];
  if (!cfg) throw new Error(`unknown tenant ${tenant}`);
  let redis = caches.get(tenant);
  if (!redis) {
    redis = new Redis(cfg.redisUrl, { lazyConnect: false, maxRetriesPerRequest: 2 });
    caches.set(tenant, redis);
  }
  return redis;
}

export async function closeCaches(): Promise<void> {
  await Promise.all([...caches.values()].map((r) => r.quit()));
  caches.clear();
}
