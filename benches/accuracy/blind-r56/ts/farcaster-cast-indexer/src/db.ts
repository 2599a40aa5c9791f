import pg from 'pg';
import { setTimeout as sleep } from 'node:timers/promises';

// Start-up only. Each failed probe's pool is ended before the next attempt.
export async function openPool(connectionString: string, maxAttempts = 8): Promise<pg.Pool> {
  let attempt = 0;
  while (true) {
    attempt++;
    const pool = new pg.Pool({ connectionString, max: 6, idleTimeoutMillis: 30_000 });
    try {
      const client = await pool.connect();
      client.release();
      pool.on('error', (err) => console.error('pg idle error', err));
      return pool;
    } catch (err) {
      await pool.end().catch(() => {});
      if (attempt >= maxAttempts) throw err;
      const delay = Math.min(500 * 2 ** attempt, 15_000);
      console.warn(`postgres unavailable, retry ${attempt}/${maxAttempts} in ${delay}ms`);
      await sleep(delay);
    }
  }
}

export async function trackedChannels(pool: pg.Pool): Promise<Set<string>> {
  const { rows } = await pool.query<{ parent_url: string }>(
    'SELECT parent_url FROM tracked_channels WHERE active',
  );
  return new Set(rows.map((r) => r.parent_url));
}
