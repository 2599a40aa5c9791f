import { Gauge } from "prom-client";
import { Redis } from "ioredis";

const cacheRedis = new Redis(process.env.REDIS_URL ?? "redis://localhost:6379");

function parseInfo(info: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of info.split("\r\n")) {
    const [k, v] = line.split(":");
    if (k && v !== undefined) out[k] = v;
  }
  return out;
}

export const cacheHitRatio = new Gauge({
  name: "shop_cache_hit_ratio",
  help: "keyspace_hits / (keyspace_hits + keyspace_misses)",
  async collect() {
    const stats = parseInfo(await cacheRedis.info("stats"));
    const hits = Number(stats.keyspace_hits ?? 0);
    const misses = Number(stats.keyspace_misses ?? 0);
    this.set(hits + misses === 0 ? 1 : hits / (hits + misses));
  },
});
