import { Pool } from 'pg'

// Module scope: built once when the runtime loads the function, shared by every request
// this pod serves.
export const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  max: 5,
  idleTimeoutMillis: 30_000,
})
