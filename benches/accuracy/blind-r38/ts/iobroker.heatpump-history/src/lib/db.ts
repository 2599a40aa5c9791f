import { Pool } from 'pg';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Called once from onReady. The NAS that hosts PostgreSQL often boots after the
 * ioBroker host, so keep trying for a few minutes before giving up.
 */
export async function connectWithRetry(url: string, warn: (msg: string) => void, attempts = 12): Promise<Pool> {
  for (let attempt = 1; ; attempt++) {
    const pool = new Pool({ connectionString: url, max: 3, application_name: 'iobroker.heatpump-history' });
    try {
      await pool.query('SELECT 1');
      return pool;
    } catch (err) {
      await pool.end().catch(() => undefined);
      if (attempt >= attempts) throw err;
      warn(`database not reachable (attempt ${attempt}/${attempts}): ${(err as Error).message}`);
      await sleep(Math.min(30_000, 2_000 * attempt));
    }
  }
}
