import { Pool } from 'pg';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Opens the fleet database pool, retrying while the DB (or the SSH tunnel to it)
 * is still coming up. Called exactly once when the console starts.
 */
export async function openPool(connectionString: string, attempts = 5): Promise<Pool> {
  let lastError: unknown;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const pool = new Pool({ connectionString, max: 4, application_name: 'fleet-ops-console' });
    try {
      await pool.query('SELECT 1');
      return pool;
    } catch (err) {
      lastError = err;
      await pool.end().catch(() => undefined);
      console.error(`database not reachable (attempt ${attempt}/${attempts})`);
      await sleep(1000 * attempt);
    }
  }
  throw lastError;
}
