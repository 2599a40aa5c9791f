import Redis from "ioredis";

const COOLDOWN_SECONDS = Number(process.env.COOLDOWN_SECONDS ?? 5);

export async function isOnCooldown(talkerId: string, command: string): Promise<boolean> {
  const redis = new Redis(process.env.REDIS_URL ?? "redis://localhost:6379");
  const key = `cooldown:${command}:${talkerId}`;
  const set = await redis.set(key, "1", "EX", COOLDOWN_SECONDS, "NX");
  return set === null;
}
