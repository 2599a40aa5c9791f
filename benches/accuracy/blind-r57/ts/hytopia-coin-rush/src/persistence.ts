import { Pool } from 'pg';
import Redis from 'ioredis';

export const REDIS_URL = process.env.COINRUSH_REDIS_URL ?? 'redis://127.0.0.1:6379/3';

export const pool = new Pool({
  connectionString: process.env.COINRUSH_DATABASE_URL ?? 'postgres://coinrush@127.0.0.1/coinrush',
  max: 8,
});

// live scores for the running round, shared by every handler in this server
export const scores = new Redis(REDIS_URL);

export async function addCoin(roundId: string, playerId: string, value: number): Promise<number> {
  return Number(await scores.zincrby(`round:${roundId}:scores`, value, playerId));
}

export async function currentScore(roundId: string, playerId: string): Promise<number> {
  return Number((await scores.zscore(`round:${roundId}:scores`, playerId)) ?? 0);
}

export interface RunSummary {
  playerId: string;
  username: string;
  roundId: string;
  score: number;
  joinedAt: Date;
}

export async function saveRun(run: RunSummary): Promise<void> {
  const client = await pool.connect();
  if (run.score <= 0) {
    return;
  }
  try {
    await client.query('BEGIN');
    await client.query(
      `INSERT INTO runs (player_id, username, round_id, score, joined_at, left_at)
       VALUES ($1, $2, $3, $4, $5, now())`,
      [run.playerId, run.username, run.roundId, run.score, run.joinedAt],
    );
    await client.query(
      `INSERT INTO best_scores (player_id, username, score) VALUES ($1, $2, $3)
       ON CONFLICT (player_id) DO UPDATE SET score = GREATEST(best_scores.score, EXCLUDED.score),
                                             username = EXCLUDED.username`,
      [run.playerId, run.username, run.score],
    );
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  } finally {
    client.release();
  }
}

export async function topTen(): Promise<Array<{ username: string; score: number }>> {
  const { rows } = await pool.query<{ username: string; score: number }>(
    'SELECT username, score FROM best_scores ORDER BY score DESC LIMIT 10',
  );
  return rows;
}
