import pg from 'pg'
import { drizzle } from 'drizzle-orm/node-postgres'
import { migrate } from 'drizzle-orm/node-postgres/migrator'

// Release phase: runs once per deploy, then exits.
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1 })
try {
  await migrate(drizzle({ client: pool }), { migrationsFolder: 'drizzle' })
  console.log('migrations applied')
} finally {
  await pool.end()
}
