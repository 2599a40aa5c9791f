import pg from 'pg';
import { setTimeout as sleep } from 'node:timers/promises';

export interface PoolOptions {
  connectionString: string;
  max?: number;
  attempts?: number;
}

// Builds the process-wide pool. Only called from main() during start-up; retries until
// the database accepts connections, ending every pool that failed its probe.
export async function createPool(opts: PoolOptions): Promise<pg.Pool> {
  const attempts = opts.attempts ?? 10;
  for (let attempt = 1; ; attempt++) {
    const pool = new pg.Pool({
      connectionString: opts.connectionString,
      max: opts.max ?? 10,
      idleTimeoutMillis: 30_000,
    });
    try {
      await pool.query('SELECT 1');
      pool.on('error', (err) => console.error('pg idle client error', err));
      return pool;
    } catch (err) {
      await pool.end().catch(() => {});
      if (attempt >= attempts) throw err;
      console.warn(`database not ready (attempt ${attempt}/${attempts}), retrying`);
      await sleep(Math.min(1000 * attempt, 5000));
    }
  }
}

export async function withClient<T>(pool: pg.Pool, fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    return await fn(client);
  } finally {
    client.release();
  }
}
