import pg from 'pg';

// Shared factory: each process (web, worker) calls this exactly once at start-up.
export function createPool(role: 'web' | 'worker'): pg.Pool {
  const pool = new pg.Pool({
    connectionString: process.env.DATABASE_URL,
    application_name: `nostr-indexer-${role}`,
    max: role === 'web' ? 10 : 4,
    idleTimeoutMillis: 30_000,
  });
  pool.on('error', (err) => console.error(`[${role}] idle client error`, err));
  return pool;
}

export async function waitForDatabase(pool: pg.Pool, attempts = 10): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await pool.query('select 1');
      return;
    } catch (err) {
      if (attempt >= attempts) throw err;
      const delay = Math.min(500 * 2 ** attempt, 10_000);
      console.warn(`database not ready (attempt ${attempt}), retrying in ${delay}ms`);
      await new Promise((r) => setTimeout(r, delay));
    }
  }
}
