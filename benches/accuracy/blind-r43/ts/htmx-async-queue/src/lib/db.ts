import { retry } from 'async';
import pg from 'pg';

// Each process (web, worker) calls this exactly once at boot and keeps the pool for its lifetime.
export async function createPool(role: 'web' | 'worker'): Promise<pg.Pool> {
  return retry({ times: 15, interval: (n) => Math.min(500 * 2 ** n, 10_000) }, async () => {
    const pool = new pg.Pool({
      connectionString: process.env.DATABASE_URL,
      application_name: `invoice-render-${role}`,
      max: role === 'web' ? 10 : 5,
    });
    try {
      await pool.query('SELECT 1');
      return pool;
    } catch (err) {
      await pool.end().catch(() => undefined);
      throw err;
    }
  });
}
