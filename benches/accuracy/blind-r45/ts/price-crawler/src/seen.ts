import { Redis } from 'ioredis'

// Shared for the whole crawler process.
const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: 2 })

/** Returns true when the price for this sku changed since the last crawl. */
export async function priceChanged(shop: string, sku: string, priceCents: number): Promise<boolean> {
  const key = `last-price:${shop}:${sku}`
  const prev = await redis.getset(key, String(priceCents))
  await redis.expire(key, 7 * 24 * 3600)
  return prev === null || Number(prev) !== priceCents
}
