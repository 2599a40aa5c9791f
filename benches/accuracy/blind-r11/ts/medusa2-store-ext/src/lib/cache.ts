import Redis from 'ioredis';

export const cache = new Redis(process.env.REDIS_URL!, {
  keyPrefix: 'acme:cache:',
  maxRetriesPerRequest: 3,
});

export async function cached<T>(key: string, ttlSeconds: number, load: () => Promise<T>): Promise<T> {
  const hit = await cache.get(key);
  if (hit) return JSON.parse(hit) as T;
  const value = await load();
  await cache.set(key, JSON.stringify(value), 'EX', ttlSeconds);
  return value;
}
