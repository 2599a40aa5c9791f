import pg from 'pg'

/**
 * Shared pool factory. Each process (web, worker) calls it exactly once at
 * start-up; the two processes do not share memory, so each needs its own pool.
 */
export function createPool(role: 'web' | 'worker'): pg.Pool {
  return new pg.Pool({
    connectionString: process.env.DATABASE_URL,
    application_name: `clickstream-${role}`,
    max: role === 'web' ? 10 : 4,
  })
}
