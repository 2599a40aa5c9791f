import pg from 'pg'
import { Redis } from 'ioredis'

// One pool and one Redis connection per server process.
export const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: 10,
  idleTimeoutMillis: 30_000,
})

export const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', {
  maxRetriesPerRequest: 2,
})

export async function closeAll(): Promise<void> {
  await Promise.allSettled([pool.end(), redis.quit()])
}
