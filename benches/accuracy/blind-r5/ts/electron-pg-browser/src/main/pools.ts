import { Pool } from 'pg'
import { getProfile } from './profiles'

// One pool per saved connection profile, kept for the life of the app.
const pools = new Map<string, Pool>()

export function poolFor(profileId: string): Pool {
  let pool = pools.get(profileId)
  if (!pool) {
    const p = getProfile(profileId)
    pool = new Pool({
      host: p.host,
      port: p.port,
      database: p.database,
      user: p.user,
      password: p.password,
      ssl: p.ssl ? { rejectUnauthorized: false } : undefined,
      max: 3,
      idleTimeoutMillis: 120_000,
      application_name: 'pg-browser',
    })
    pool.on('error', (err) => console.error(`[${profileId}] idle client error`, err))
    pools.set(profileId, pool)
  }
  return pool
}

export async function disconnect(profileId: string): Promise<void> {
  const pool = pools.get(profileId)
  if (!pool) return
  pools.delete(profileId)
  await pool.end()
}

export async function disconnectAll(): Promise<void> {
  await Promise.all([...pools.keys()].map(disconnect))
}
