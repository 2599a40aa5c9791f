import oracledb from 'oracledb'

oracledb.outFormat = oracledb.OUT_FORMAT_OBJECT

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/**
 * Builds this process's connection pool. Each process (web, worker) calls it exactly once
 * from its entry point; the listener may still be registering services after a deploy, so
 * the first attempts are allowed to fail.
 */
export async function createPool(role: 'web' | 'worker', attempts = 8): Promise<oracledb.Pool> {
  for (let attempt = 1; ; attempt++) {
    let pool: oracledb.Pool | undefined
    try {
      pool = await oracledb.createPool({
        user: process.env.ORACLE_USER,
        password: process.env.ORACLE_PASSWORD,
        connectString: process.env.ORACLE_CONNECT_STRING,
        poolMin: role === 'web' ? 2 : 1,
        poolMax: role === 'web' ? 10 : 4,
        poolIncrement: 1,
      })
      const conn = await pool.getConnection()
      await conn.close()
      return pool
    } catch (err) {
      if (pool) await pool.close(0).catch(() => {})
      if (attempt >= attempts) throw err
      console.warn(`[${role}] oracle not reachable (attempt ${attempt}), retrying`)
      await sleep(2000 * attempt)
    }
  }
}

export const RETURNS_QUEUE = 'RETURNS_REFUND_Q'
