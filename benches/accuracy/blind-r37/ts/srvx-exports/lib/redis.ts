import Redis from "ioredis";

export function createRedis(name: string): Redis {
  return new Redis(process.env.REDIS_URL ?? "redis://localhost:6379", {
    connectionName: `report-exports:${name}`,
    maxRetriesPerRequest: null,
  });
}

export const QUEUE = "exports:queue";
