import mysql from 'mysql2/promise'

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/**
 * Shared by every process in the Procfile. Each process calls it exactly once
 * at start-up and keeps the pool for its whole life.
 */
export async function createPool(appName: string, connectionLimit = 5): Promise<mysql.Pool> {
  for (let attempt = 1; ; attempt++) {
    const pool = mysql.createPool({
      uri: process.env.DATABASE_URL ?? 'mysql://helpdesk@127.0.0.1:3306/helpdesk',
      connectionLimit,
      waitForConnections: true,
      connectAttributes: { program_name: `helpdesk-${appName}` },
    })
    try {
      await pool.query('SELECT 1')
      return pool
    } catch (err) {
      await pool.end().catch(() => undefined)
      if (attempt >= 10) throw err
      console.warn(`[${appName}] database not reachable, retry ${attempt}/10`)
      await sleep(2000 * attempt)
    }
  }
}
