import { Redis } from 'ioredis';

// Answer cache: order lookups are expensive (three joins across the ERP replica),
// so we keep the rendered reply for a couple of minutes.
export const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/2', {
  maxRetriesPerRequest: 2,
  enableAutoPipelining: true,
});

const TTL_SECONDS = 120;

export async function cachedReply(key: string): Promise<string | null> {
  return redis.get(`reply:${key}`);
}

export async function storeReply(key: string, reply: string): Promise<void> {
  await redis.set(`reply:${key}`, reply, 'EX', TTL_SECONDS);
}

export async function forget(prefix: string): Promise<number> {
  let removed = 0;
  const stream = redis.scanStream({ match: `reply:${prefix}*`, count: 100 });
  for await (const keys of stream) {
    if ((keys as string[]).length > 0) {
      removed += await redis.del(...(keys as string[]));
    }
  }
  return removed;
}
