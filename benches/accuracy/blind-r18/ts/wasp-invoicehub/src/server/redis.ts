import { Redis } from "ioredis";

let redis: Redis | null = null;

/** Lazily created, then reused by every operation and job in this process. */
export function getRedis(): Redis {
  if (redis === null) {
    redis = new Redis(process.env.REDIS_URL ?? "redis://localhost:6379", {
      maxRetriesPerRequest: 2,
      enableAutoPipelining: true,
    });
  }
  return redis;
}
