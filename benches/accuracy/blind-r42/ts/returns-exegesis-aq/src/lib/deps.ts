import type oracledb from 'oracledb'

// exegesis loads controller modules itself, so the web entry point registers the pool it
// created here and controllers read it back. Nothing is constructed in this module.
let pool: oracledb.Pool | undefined

export function setPool(p: oracledb.Pool): void {
  pool = p
}

export function getPool(): oracledb.Pool {
  if (!pool) throw new Error('pool not initialised; call setPool() from server.ts first')
  return pool
}
