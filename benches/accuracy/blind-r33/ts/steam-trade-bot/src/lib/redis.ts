import Redis from "ioredis";

export const redis = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379", {
  maxRetriesPerRequest: 2,
});

export async function cachedPrice(marketHashName: string): Promise<number | null> {
  const raw = await redis.get(`price:${marketHashName}`);
  return raw === null ? null : Number(raw);
}
