import pg from 'pg';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Builds the process-wide pool. Every Procfile entry calls this exactly once
 * at start-up; it retries while the database is still coming up.
 */
export async function createPool(appName, { attempts = 10, max = 10 } = {}) {
  for (let attempt = 1; ; attempt++) {
    const pool = new pg.Pool({
      connectionString: process.env.DATABASE_URL,
      application_name: appName,
      max,
    });
    try {
      await pool.query('SELECT 1');
      pool.on('error', (err) => console.error(`[${appName}] idle client error`, err));
      return pool;
    } catch (err) {
      await pool.end().catch(() => {});
      if (attempt >= attempts) throw err;
      console.warn(`[${appName}] database not ready (${attempt}/${attempts}): ${err.message}`);
      await sleep(1000 * attempt);
    }
  }
}
