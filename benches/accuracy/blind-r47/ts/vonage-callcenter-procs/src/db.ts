import pg from 'pg'
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres'
import { setTimeout as sleep } from 'node:timers/promises'
import * as schema from './schema.js'

export type Db = NodePgDatabase<typeof schema>

// Shared by the web and worker entry points; each process calls it exactly once
// at boot. Retries while Postgres is still starting (review apps, failovers).
export async function createDb(
  connectionString: string,
  { max = 10, attempts = 15, delayMs = 2000 } = {},
): Promise<{ db: Db; pool: pg.Pool }> {
  for (let attempt = 1; ; attempt++) {
    const pool = new pg.Pool({ connectionString, max })
    try {
      const probe = await pool.connect()
      probe.release()
      return { db: drizzle({ client: pool, schema }), pool }
    } catch (err) {
      await pool.end().catch(() => undefined)
      if (attempt >= attempts) throw err
      console.warn(`database unavailable, retry ${attempt}/${attempts}`)
      await sleep(delayMs)
    }
  }
}
