import pg from 'pg';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Builds the process-wide pool. Each process (web, worker) calls this once at boot.
 */
export async function createPool(max: number, attempts = 8): Promise<pg.Pool> {
  for (let attempt = 1; ; attempt++) {
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max });
    try {
      await pool.query('SELECT 1');
      pool.on('error', (err) => console.error('[db] idle client error', err.message));
      return pool;
    } catch (err) {
      await pool.end().catch(() => undefined);
      if (attempt === attempts) throw err;
      await sleep(500 * attempt);
    }
  }
}
