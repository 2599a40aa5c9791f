import { Redis } from "ioredis";

const redis = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379/2");

export async function onCooldown(command: string, userId: string, seconds: number): Promise<boolean> {
  const key = `cd:${command}:${userId}`;
  const set = await redis.set(key, Date.now().toString(), "EX", seconds, "NX");
  return set !== "OK";
}
