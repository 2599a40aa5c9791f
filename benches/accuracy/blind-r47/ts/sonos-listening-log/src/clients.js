import pg from 'pg'
import Redis from 'ioredis'

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

// Called once from main. Postgres lives on the NAS, which often boots after
// the Pi, so keep trying for a while before giving up.
export async function createPool(connectionString, { attempts = 20, delayMs = 3000 } = {}) {
  for (let attempt = 1; ; attempt++) {
    const pool = new pg.Pool({ connectionString, max: 4, idleTimeoutMillis: 60_000 })
    try {
      await pool.query('SELECT 1')
      pool.on('error', (err) => console.error('pg pool error', err.message))
      return pool
    } catch (err) {
      await pool.end().catch(() => {})
      if (attempt >= attempts) throw err
      console.warn(`postgres not reachable (attempt ${attempt}/${attempts}): ${err.message}`)
      await sleep(delayMs)
    }
  }
}

export function createRedis(url) {
  return new Redis(url, { maxRetriesPerRequest: 3, enableAutoPipelining: true })
}
