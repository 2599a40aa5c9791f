import Redis from "ioredis";
import { Pool } from "undici";

// One price service deployment per chain; the indexer only ever sees the
// chains listed in config.yaml, so this map holds at most one Pool per chain.
const PRICE_ORIGINS: Record<number, string> = {
  1: process.env.PRICE_API_1 ?? "http://prices-eth.indexers.svc:8080",
  42161: process.env.PRICE_API_42161 ?? "http://prices-arb.indexers.svc:8080",
};

const pricePools = new Map<number, Pool>();

export function priceClient(chainId: number): Pool {
  let pool = pricePools.get(chainId);
  if (!pool) {
    const origin = PRICE_ORIGINS[chainId];
    if (!origin) throw new Error(`no price service configured for chain ${chainId}`);
    pool = new Pool(origin, { connections: 8, keepAliveTimeout: 60_000 });
    pricePools.set(chainId, pool);
  }
  return pool;
}

// Hour-bucketed ETH/USD prices; the same hour is asked for thousands of times.
const priceCache = new Map<string, number>();

export async function ethUsdAt(chainId: number, timestamp: number): Promise<number> {
  const hour = Math.floor(timestamp / 3600) * 3600;
  const key = `${chainId}:${hour}`;
  const hit = priceCache.get(key);
  if (hit !== undefined) return hit;

  const res = await priceClient(chainId).request({
    path: `/v1/price/ETH-USD?at=${hour}`,
    method: "GET",
  });
  if (res.statusCode !== 200) {
    await res.body.dump();
    throw new Error(`price service ${chainId} answered ${res.statusCode}`);
  }
  const body = (await res.body.json()) as { price: number };
  priceCache.set(key, body.price);
  if (priceCache.size > 50_000) priceCache.clear();
  return body.price;
}

let alertBus: Redis | null = null;

export function getAlertBus(): Redis {
  if (alertBus === null) {
    alertBus = new Redis(process.env.ALERT_REDIS_URL ?? "redis://127.0.0.1:6379/4", {
      lazyConnect: false,
      maxRetriesPerRequest: 3,
    });
  }
  return alertBus;
}

async function shutdown(): Promise<void> {
  await Promise.allSettled([...pricePools.values()].map((p) => p.close()));
  if (alertBus) await alertBus.quit();
}

process.once("SIGTERM", () => void shutdown());
process.once("SIGINT", () => void shutdown());
