import pg from 'pg'

let pool: pg.Pool | undefined

/** One pool for the whole test run; every test borrows a client from it. */
export function testPool(): pg.Pool {
  if (!pool) {
    pool = new pg.Pool({
      connectionString: process.env.TEST_DATABASE_URL ?? 'postgres://billing@localhost:5432/billing_test',
      max: 4,
    })
  }
  return pool
}

export async function closeTestPool() {
  if (pool) {
    await pool.end()
    pool = undefined
  }
}
