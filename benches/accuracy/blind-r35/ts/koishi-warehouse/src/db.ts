import mysql from 'mysql2/promise'

export interface DbConfig {
  mysqlUrl: string
  reportingUrl: string
}

export function createWarehousePool(config: DbConfig) {
  return mysql.createPool({ uri: config.mysqlUrl, connectionLimit: 8, waitForConnections: true })
}

// Reporting replica: only used for the heavier aggregate lookups.
export async function queryReporting<T>(config: DbConfig, sql: string, params: unknown[]): Promise<T[]> {
  const conn = await mysql.createConnection({ uri: config.reportingUrl, dateStrings: true })
  const [rows] = await conn.query(sql, params)
  return rows as T[]
}
