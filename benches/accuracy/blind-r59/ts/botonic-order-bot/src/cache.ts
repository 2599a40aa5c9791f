import Redis from "ioredis";

export const redis = new Redis(process.env.REDIS_URL ?? "redis://localhost:6379", {
  maxRetriesPerRequest: 2,
  enableReadyCheck: true,
});

const LOOKUP_TTL_SECONDS = 120;

export interface CachedLookup {
  orderNumber: string;
  status: string;
  trackingUrl?: string;
}

export async function getCachedLookup(userId: string, orderNumber: string): Promise<CachedLookup | null> {
  const raw = await redis.get(`lookup:${userId}:${orderNumber}`);
  return raw ? (JSON.parse(raw) as CachedLookup) : null;
}

export async function putCachedLookup(userId: string, lookup: CachedLookup): Promise<void> {
  await redis.set(
    `lookup:${userId}:${lookup.orderNumber}`,
    JSON.stringify(lookup),
    "EX",
    LOOKUP_TTL_SECONDS,
  );
}

export async function countLookups(userId: string): Promise<number> {
  const key = `lookups:count:${userId}`;
  const n = await redis.incr(key);
  if (n === 1) await redis.expire(key, 3600);
  return n;
}
