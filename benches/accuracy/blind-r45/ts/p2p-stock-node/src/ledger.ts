import mysql from 'mysql2/promise'

export interface LedgerOptions {
  readOnly?: boolean
}

// Stock ledger lives in the site's MySQL instance.
export function openLedger(opts: LedgerOptions = {}): mysql.Pool {
  return mysql.createPool({
    host: process.env.LEDGER_HOST ?? '127.0.0.1',
    port: Number(process.env.LEDGER_PORT ?? 3306),
    user: opts.readOnly ? process.env.LEDGER_RO_USER : process.env.LEDGER_USER,
    password: opts.readOnly ? process.env.LEDGER_RO_PASSWORD : process.env.LEDGER_PASSWORD,
    database: process.env.LEDGER_DB ?? 'stock',
    connectionLimit: 4,
    waitForConnections: true,
  })
}
