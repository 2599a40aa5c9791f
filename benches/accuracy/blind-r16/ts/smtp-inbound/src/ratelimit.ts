import { Redis } from 'ioredis';

const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379/0');

const WINDOW_SECONDS = 60;
const MAX_MESSAGES_PER_WINDOW = 30;

export async function allowSender(remoteAddress: string): Promise<boolean> {
  const key = `smtp:rl:${remoteAddress}`;
  const count = await redis.incr(key);
  if (count === 1) await redis.expire(key, WINDOW_SECONDS);
  return count <= MAX_MESSAGES_PER_WINDOW;
}
