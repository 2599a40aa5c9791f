import { Redis } from "ioredis";

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

export const counters = new Redis(REDIS_URL, { maxRetriesPerRequest: 3 });

export function makeRedis(): Redis {
  return new Redis(REDIS_URL, {
    connectionName: "overlay-bus",
    enableAutoPipelining: true,
  });
}

export const SCENE_CHANNEL = "overlay:scene";
export const STREAM_CHANNEL = "overlay:stream";
