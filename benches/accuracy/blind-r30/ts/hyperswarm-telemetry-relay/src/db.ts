import pg from "pg";
import Redis from "ioredis";

// Factories: main() calls each exactly once and hands the instances to the peer handler.
export function createPool(): pg.Pool {
  return new pg.Pool({
    connectionString: process.env.DATABASE_URL,
    max: 8,
    idleTimeoutMillis: 60_000,
  });
}

export function createRedis(): Redis {
  return new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379", {
    maxRetriesPerRequest: 3,
  });
}
