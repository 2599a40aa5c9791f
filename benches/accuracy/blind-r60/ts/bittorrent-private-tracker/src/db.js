import pg from 'pg';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Called once from main(); retries while Postgres is still starting, then returns the pool. */
export async function createPool(connectionString, { attempts = 6 } = {}) {
  for (let attempt = 1; ; attempt++) {
    const pool = new pg.Pool({ connectionString, max: 8, application_name: 'private-tracker' });
    try {
      await pool.query('SELECT 1');
      return pool;
    } catch (err) {
      await pool.end().catch(() => {});
      if (attempt >= attempts) throw err;
      console.warn(`postgres not ready (${err.code ?? err.message}), retry ${attempt}/${attempts}`);
      await sleep(2000);
    }
  }
}
