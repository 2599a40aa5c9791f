import pg from 'pg';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// Start-up only: wait for Postgres, ending every pool that failed its probe.
export async function createPool(attempts = 12): Promise<pg.Pool> {
  for (let attempt = 1; ; attempt++) {
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 5, application_name: 'invoice-worker' });
    try {
      await pool.query('SELECT 1');
      return pool;
    } catch (err) {
      await pool.end().catch(() => undefined);
      if (attempt === attempts) throw err;
      console.warn(`postgres unavailable (${attempt}/${attempts}), retrying`);
      await sleep(2_500);
    }
  }
}
