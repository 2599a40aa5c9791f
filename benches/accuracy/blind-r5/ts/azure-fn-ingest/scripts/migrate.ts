import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Client } from 'pg'

// One-off: `npm run migrate` from CI before a deployment slot swap.
async function migrate() {
  const client = new Client({ connectionString: process.env.PG_CONNECTION_STRING })
  await client.connect()
  try {
    await client.query('create table if not exists schema_migrations (name text primary key, applied_at timestamptz default now())')
    const dir = join(__dirname, '..', '..', 'migrations')
    const files = (await readdir(dir)).filter((f) => f.endsWith('.sql')).sort()
    for (const file of files) {
      const done = await client.query('select 1 from schema_migrations where name = $1', [file])
      if (done.rowCount) continue
      await client.query('BEGIN')
      await client.query(await readFile(join(dir, file), 'utf8'))
      await client.query('insert into schema_migrations (name) values ($1)', [file])
      await client.query('COMMIT')
      console.log(`applied ${file}`)
    }
  } finally {
    await client.end()
  }
}

migrate().catch((err) => {
  console.error(err)
  process.exit(1)
})
