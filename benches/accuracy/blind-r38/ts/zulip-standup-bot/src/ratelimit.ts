import { Redis } from 'ioredis';

const WINDOW_SECONDS = 60;
const MAX_COMMANDS = 8;

export async function allowCommand(userId: number): Promise<boolean> {
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379');
  const key = `standup:rl:${userId}:${Math.floor(Date.now() / 1000 / WINDOW_SECONDS)}`;
  const count = await redis.incr(key);
  if (count === 1) await redis.expire(key, WINDOW_SECONDS);
  return count <= MAX_COMMANDS;
}
