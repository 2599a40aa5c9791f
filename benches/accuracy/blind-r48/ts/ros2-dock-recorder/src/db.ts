import { Pool } from 'pg';

export const pool = new Pool({
  connectionString: process.env.FLEET_DATABASE_URL,
  max: 5,
  idleTimeoutMillis: 30_000,
});

export async function closeDb(): Promise<void> {
  await pool.end();
}
