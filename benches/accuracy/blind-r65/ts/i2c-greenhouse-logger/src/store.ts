import pg from 'pg'
import { setTimeout as sleep } from 'node:timers/promises'

export interface Reading {
  sensor: string
  celsius: number
  takenAt: Date
}

/** The Pi often boots before the network is up: retry a few times, then give up. */
export async function openPool(url: string, attempts = 10): Promise<pg.Pool> {
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const pool = new pg.Pool({ connectionString: url, max: 2 })
    try {
      await pool.query('SELECT 1')
      return pool
    } catch (err) {
      await pool.end().catch(() => undefined)
      console.error(`postgres not reachable (${attempt}/${attempts}): ${(err as Error).message}`)
      await sleep(3000)
    }
  }
  throw new Error('could not reach postgres, exiting')
}

export async function flush(pool: pg.Pool, readings: Reading[]): Promise<void> {
  if (readings.length === 0) return
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    for (const r of readings) {
      await client.query(
        'INSERT INTO greenhouse_readings (sensor, celsius, taken_at) VALUES ($1, $2, $3)',
        [r.sensor, r.celsius, r.takenAt],
      )
    }
    await client.query('COMMIT')
  } catch (err) {
    await client.query('ROLLBACK')
    throw err
  } finally {
    client.release()
  }
}
