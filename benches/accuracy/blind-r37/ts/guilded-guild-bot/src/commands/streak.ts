import type { Message } from "guilded.js";
import Redis from "ioredis";

const DAY = 24 * 60 * 60;

export async function streak(message: Message, _args: string[]): Promise<void> {
  const redis = new Redis(process.env.REDIS_URL ?? "redis://localhost:6379");
  const key = `streak:${message.serverId}:${message.authorId}`;
  const today = new Date().toISOString().slice(0, 10);

  const last = await redis.hget(key, "last");
  let count = Number((await redis.hget(key, "count")) ?? 0);
  if (last !== today) {
    const yesterday = new Date(Date.now() - DAY * 1000).toISOString().slice(0, 10);
    count = last === yesterday ? count + 1 : 1;
    await redis.hset(key, { last: today, count: String(count) });
    await redis.expire(key, DAY * 3);
  }

  await message.reply(`🔥 ${count}-day streak`);
}
