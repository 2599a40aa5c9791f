import { readFile } from 'node:fs/promises'
import pg from 'pg'

// One-off: import the glossary spreadsheet export (term;slug;definition) into Postgres.
const csvPath = process.argv[2] ?? 'glossary.csv'
const lines = (await readFile(csvPath, 'utf8')).split('\n').slice(1).filter(Boolean)

const client = new pg.Client({ connectionString: process.env.GLOSSARY_DB_URL })
await client.connect()
try {
  await client.query('BEGIN')
  for (const line of lines) {
    const [term, slug, ...rest] = line.split(';')
    await client.query(
      `INSERT INTO glossary_terms (term, slug, definition, published)
       VALUES ($1, $2, $3, true)
       ON CONFLICT (slug) DO UPDATE SET term = EXCLUDED.term, definition = EXCLUDED.definition`,
      [term.trim(), slug.trim(), rest.join(';').trim()],
    )
  }
  await client.query('COMMIT')
  console.log(`synced ${lines.length} terms`)
} catch (err) {
  await client.query('ROLLBACK')
  throw err
} finally {
  await client.end()
}
