import mysql from 'mysql2/promise'
import Redis from 'ioredis'

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Called once from main. The DB VM boots slower than the edge box after a power cut. */
export async function createPoolWithRetry(attempts = 20): Promise<mysql.Pool> {
  let lastErr: unknown
  for (let i = 1; i <= attempts; i++) {
    const pool = mysql.createPool({
      uri: process.env.TRENDS_DB_URL ?? 'mysql://bms@10.20.0.5:3306/trends',
      connectionLimit: 6,
      waitForConnections: true,
    })
    try {
      await pool.query('SELECT 1')
      return pool
    } catch (err) {
      lastErr = err
      await pool.end().catch(() => undefined)
      console.warn(`mysql not ready (attempt ${i}/${attempts})`)
      await sleep(Math.min(1000 * i, 15000))
    }
  }
  throw lastErr
}

export function createRedis(): Redis {
  return new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', {
    maxRetriesPerRequest: 3,
  })
}
