import pg from 'pg'

// Pool for the web process only.
export const db = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: 10,
})
