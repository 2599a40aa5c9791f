import { Redis } from "ioredis";

const redis = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379/2");

export async function awardXp(guildId: string, userId: string): Promise<void> {
  // one award per user per minute
  const gate = await redis.set(`xpgate:${guildId}:${userId}`, "1", "EX", 60, "NX");
  if (gate !== "OK") return;
  await redis.zincrby(`xp:${guildId}`, 15, userId);
}

export async function topXp(guildId: string, n = 10): Promise<[string, number][]> {
  const flat = await redis.zrevrange(`xp:${guildId}`, 0, n - 1, "WITHSCORES");
  const out: [string, number][] = [];
  for (let i = 0; i < flat.length; i += 2) out.push([flat[i], Number(flat[i + 1])]);
  return out;
}
