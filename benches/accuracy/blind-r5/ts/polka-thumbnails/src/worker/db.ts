import pg from 'pg'

// Pool for the worker process only; sized to the worker concurrency.
export const db = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.WORKER_CONCURRENCY ?? 4),
})
