import pg from 'pg';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function connectDatabase(url: string, attempts = 10): Promise<pg.Pool> {
  for (let attempt = 1; ; attempt++) {
    const pool = new pg.Pool({ connectionString: url, max: 5, idleTimeoutMillis: 60_000 });
    try {
      await pool.query('SELECT 1');
      return pool;
    } catch (err) {
      await pool.end().catch(() => undefined);
      if (attempt >= attempts) throw err;
      console.warn(`[db] not reachable (attempt ${attempt}/${attempts}), retrying`);
      await sleep(Math.min(1000 * 2 ** attempt, 15_000));
    }
  }
}
