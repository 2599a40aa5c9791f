import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { RowDataPacket } from 'mysql2/promise'
import { createPool } from './db'

const DIR = join(__dirname, '..', 'migrations')

async function main(): Promise<void> {
  const pool = await createPool('migrate', 1)
  try {
    await pool.query('CREATE TABLE IF NOT EXISTS schema_migrations (name VARCHAR(200) PRIMARY KEY, applied_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP)')
    const [done] = await pool.query<RowDataPacket[]>('SELECT name FROM schema_migrations')
    const applied = new Set(done.map((r) => String(r.name)))
    const files = (await readdir(DIR)).filter((f) => f.endsWith('.sql')).sort()
    for (const file of files) {
      if (applied.has(file)) continue
      const sql = await readFile(join(DIR, file), 'utf8')
      for (const statement of sql.split(/;\s*\n/).map((s) => s.trim()).filter(Boolean)) {
        await pool.query(statement)
      }
      await pool.query('INSERT INTO schema_migrations (name) VALUES (?)', [file])
      console.log('applied', file)
    }
  } finally {
    await pool.end()
  }
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
