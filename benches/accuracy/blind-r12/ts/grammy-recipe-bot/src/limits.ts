import { Redis } from "ioredis";

// one connection for the bot process
export const redis = new Redis(process.env.REDIS_URL ?? "redis://localhost:6379", {
  maxRetriesPerRequest: 2,
});

export async function allow(chatId: number, perMinute = 20): Promise<boolean> {
  const key = `rl:${chatId}:${Math.floor(Date.now() / 60_000)}`;
  const n = await redis.incr(key);
  if (n === 1) await redis.expire(key, 60);
  return n <= perMinute;
}
