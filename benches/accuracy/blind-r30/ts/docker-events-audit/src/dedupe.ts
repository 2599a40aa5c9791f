import Redis from "ioredis";

// One connection for the whole daemon.
const redis = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379", {
  maxRetriesPerRequest: 2,
});

export async function firstTime(key: string, ttlSeconds = 60): Promise<boolean> {
  const res = await redis.set(`docker-audit:${key}`, "1", "EX", ttlSeconds, "NX");
  return res === "OK";
}

export async function closeDedupe(): Promise<void> {
  await redis.quit();
}
