import { Pool } from 'pg'

// Module scope: created once per worker instance and reused across invocations.
export const pool = new Pool({
  connectionString: process.env.PG_CONNECTION_STRING,
  max: 4,
  idleTimeoutMillis: 60_000,
  ssl: { rejectUnauthorized: true },
})
