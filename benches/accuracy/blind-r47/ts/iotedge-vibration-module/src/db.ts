import pg from 'pg'

// One pool for the life of the module container.
export const pool = new pg.Pool({
  connectionString: process.env.HISTORIAN_DB_URL,
  max: 5,
  idleTimeoutMillis: 30_000,
})

pool.on('error', (err) => console.error('historian pool error', err.message))
