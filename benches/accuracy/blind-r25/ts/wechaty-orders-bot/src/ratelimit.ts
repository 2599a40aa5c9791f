import { Redis } from 'ioredis';

// Per-talker rate limit so a single person cannot flood the group with lookups.
const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/2', {
  lazyConnect: false,
  keyPrefix: 'rl:',
});

const WINDOW_SECONDS = 60;
const MAX_PER_WINDOW = 12;

export async function allow(talkerId: string): Promise<boolean> {
  const key = `${talkerId}:${Math.floor(Date.now() / 1000 / WINDOW_SECONDS)}`;
  const [[, count]] = (await redis
    .multi()
    .incr(key)
    .expire(key, WINDOW_SECONDS * 2)
    .exec()) as [[Error | null, number], [Error | null, number]];
  return count <= MAX_PER_WINDOW;
}

export async function reset(talkerId: string): Promise<void> {
  const keys = await redis.keys(`${talkerId}:*`);
  if (keys.length) {
    await redis.del(...keys.map((k) => k.replace(/^rl:/, '')));
  }
}
