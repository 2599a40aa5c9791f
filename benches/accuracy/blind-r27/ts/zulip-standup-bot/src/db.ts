import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';

/** Called once from main(). Retries until Postgres accepts connections. */
export async function createPool(connectionString: string): Promise<pg.Pool> {
  const pool = new pg.Pool({ connectionString, max: 6, idleTimeoutMillis: 60_000 });
  pool.on('error', (err) => console.error('pg idle client error', err.message));

  let attempt = 0;
  while (true) {
    try {
      await pool.query('SELECT 1');
      break;
    } catch (err) {
      attempt += 1;
      if (attempt > 12) {
        await pool.end();
        throw err;
      }
      console.warn(`waiting for postgres (${attempt}): ${(err as Error).message}`);
      await sleep(1_000 * Math.min(attempt, 5));
    }
  }
  return pool;
}

export interface StandupEntry {
  email: string;
  stream: string;
  yesterday: string;
  today: string;
  blockers: string | null;
}

export async function saveStandup(pool: pg.Pool, entry: StandupEntry): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query<{ id: number }>(
      `INSERT INTO standups (email, stream, yesterday, today, blockers, day)
       VALUES ($1, $2, $3, $4, $5, current_date)
       ON CONFLICT (email, stream, day) DO UPDATE
         SET yesterday = EXCLUDED.yesterday, today = EXCLUDED.today, blockers = EXCLUDED.blockers
       RETURNING id`,
      [entry.email, entry.stream, entry.yesterday, entry.today, entry.blockers],
    );
    if (entry.blockers) {
      await client.query('INSERT INTO blockers (standup_id, text) VALUES ($1, $2)', [rows[0].id, entry.blockers]);
    }
    await client.query('COMMIT');
    return rows[0].id;
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  } finally {
    client.release();
  }
}
