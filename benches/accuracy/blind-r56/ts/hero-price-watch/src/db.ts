import pg from 'pg';
import { setTimeout as sleep } from 'node:timers/promises';

export interface WatchTarget {
  id: number;
  competitor: string;
  url: string;
  price_selector: string;
}

// Start-up only: keeps trying until Postgres is reachable, then hands back the single pool.
export async function connectWithRetry(url: string, attempts = 6): Promise<pg.Pool> {
  let lastError: unknown;
  for (let i = 1; i <= attempts; i++) {
    const pool = new pg.Pool({ connectionString: url, max: 2 });
    try {
      await pool.query('SELECT 1');
      return pool;
    } catch (err) {
      lastError = err;
      await pool.end().catch(() => {});
      console.warn(`postgres not reachable (${i}/${attempts})`);
      await sleep(2000 * i);
    }
  }
  throw lastError;
}

export async function loadTargets(pool: pg.Pool): Promise<WatchTarget[]> {
  const { rows } = await pool.query<WatchTarget>(
    'SELECT id, competitor, url, price_selector FROM watch_targets WHERE enabled ORDER BY competitor, id',
  );
  return rows;
}

export async function recordPrice(pool: pg.Pool, targetId: number, cents: number | null, shotKey: string | null) {
  await pool.query(
    `INSERT INTO observed_prices (target_id, price_cents, screenshot_key, observed_at)
     VALUES ($1, $2, $3, now())`,
    [targetId, cents, shotKey],
  );
}
