import pg from 'pg'

export interface Term {
  term: string
  definition: string
  slug: string
}

let pool: pg.Pool | undefined
let glossary: Promise<Map<string, Term>> | undefined

function getPool(): pg.Pool {
  if (!pool) {
    pool = new pg.Pool({ connectionString: process.env.GLOSSARY_DB_URL, max: 2 })
  }
  return pool
}

// Loaded once per build and shared by every file the plugin transforms.
export function getGlossary(): Promise<Map<string, Term>> {
  if (!glossary) {
    glossary = getPool()
      .query<Term>('SELECT term, definition, slug FROM glossary_terms WHERE published')
      .then(({ rows }) => new Map(rows.map((t) => [t.term.toLowerCase(), t])))
  }
  return glossary
}

export async function closeGlossary(): Promise<void> {
  await pool?.end()
  pool = undefined
  glossary = undefined
}
