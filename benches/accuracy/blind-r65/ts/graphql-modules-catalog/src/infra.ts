import { Pool } from 'pg'
import { Redis } from 'ioredis'

export interface Infra {
  pool: Pool
  redis: Redis
}

/** Builds the process-wide connections. Called once from main(). */
export async function createInfra(): Promise<Infra> {
  const pool = new Pool({
    connectionString: process.env.DATABASE_URL,
    max: 15,
    idleTimeoutMillis: 30_000,
  })
  await pool.query('SELECT 1')

  const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379', {
    maxRetriesPerRequest: 2,
  })

  return { pool, redis }
}

export async function closeInfra({ pool, redis }: Infra) {
  await Promise.allSettled([pool.end(), redis.quit()])
}
