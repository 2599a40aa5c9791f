import mysql from 'mysql2/promise'
import type { RowDataPacket } from 'mysql2/promise'

interface TableSize extends RowDataPacket {
  table_name: string
  table_rows: number
  size_mb: number
}

const ALTER_RE = /ALTER\s+TABLE\s+`?(\w+)`?/gi

export function alteredTables(sql: string): string[] {
  return [...new Set([...sql.matchAll(ALTER_RE)].map((m) => m[1]))]
}

/**
 * Looks up the current size of the tables a migration alters, using the
 * read-only replica of staging. Called once per Danger run.
 */
export async function tableSizes(tables: string[]): Promise<TableSize[]> {
  if (tables.length === 0) return []
  const conn = await mysql.createConnection({
    uri: process.env.STAGING_REPLICA_URL,
    connectTimeout: 5000,
  })
  try {
    const [rows] = await conn.query<TableSize[]>(
      `SELECT table_name, table_rows, ROUND((data_length + index_length) / 1048576) AS size_mb
         FROM information_schema.tables
        WHERE table_schema = DATABASE() AND table_name IN (?)`,
      [tables],
    )
    return rows
  } finally {
    await conn.end()
  }
}
