import { Redis } from 'ioredis';

export function openPriceCache(): Redis {
  return new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: 2 });
}

export async function publishLastPrice(cache: Redis, pool: string, price: number): Promise<void> {
  await cache.hset(`pool:${pool}`, { lastPrice: price.toString(), at: Date.now().toString() });
  await cache.publish('prices', JSON.stringify({ pool, price }));
}
