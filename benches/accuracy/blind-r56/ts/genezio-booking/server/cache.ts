import { Redis } from 'ioredis';

let redis: Redis | null = null;

export function getRedis(): Redis {
  if (redis === null) {
    redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379', {
      lazyConnect: true,
      maxRetriesPerRequest: 1,
      enableOfflineQueue: true,
    });
  }
  return redis;
}

export async function cachedJson<T>(key: string, ttlSeconds: number, load: () => Promise<T>): Promise<T> {
  const r = getRedis();
  const hit = await r.get(key);
  if (hit) return JSON.parse(hit) as T;
  const value = await load();
  await r.set(key, JSON.stringify(value), 'EX', ttlSeconds);
  return value;
}

export async function invalidate(prefix: string): Promise<number> {
  const r = getRedis();
  let cursor = '0';
  let removed = 0;
  do {
    const [next, keys] = await r.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 200);
    cursor = next;
    if (keys.length) removed += await r.del(...keys);
  } while (cursor !== '0');
  return removed;
}
