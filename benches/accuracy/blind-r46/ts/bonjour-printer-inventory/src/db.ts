import { setTimeout as sleep } from 'node:timers/promises';
import { Pool } from 'pg';

// Called once from main(). Keeps trying until Postgres accepts connections
// (the inventory box often boots before the database VM), then returns.
export async function connectInventoryDb(maxAttempts = 20): Promise<Pool> {
  for (let attempt = 1; ; attempt++) {
    const pool = new Pool({
      connectionString: process.env.INVENTORY_PG_URL,
      max: 5,
      connectionTimeoutMillis: 5_000,
    });
    try {
      await pool.query('SELECT 1');
      console.log(`inventory db ready after ${attempt} attempt(s)`);
      return pool;
    } catch (err) {
      await pool.end().catch(() => undefined);
      if (attempt >= maxAttempts) {
        throw err;
      }
      console.warn(`inventory db not ready (attempt ${attempt}): ${(err as Error).message}`);
      await sleep(Math.min(30_000, 1_000 * 2 ** attempt));
    }
  }
}
