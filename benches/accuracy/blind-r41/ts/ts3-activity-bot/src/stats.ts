import { Pool } from 'pg';

// Playtime accounting: one row per visit.
const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  max: 5,
  application_name: 'ts3-activity-bot:stats',
});

export async function openVisit(uid: string, nickname: string): Promise<void> {
  await pool.query(
    `INSERT INTO ts_visits (uid, nickname, joined_at) VALUES ($1, $2, now())`,
    [uid, nickname],
  );
}

export async function closeVisit(uid: string): Promise<void> {
  await pool.query(
    `UPDATE ts_visits SET left_at = now()
      WHERE uid = $1 AND left_at IS NULL`,
    [uid],
  );
}

export async function topPlayers(limit = 5): Promise<{ nickname: string; hours: number }[]> {
  const { rows } = await pool.query(
    `SELECT max(nickname) AS nickname,
            round(sum(extract(epoch FROM coalesce(left_at, now()) - joined_at)) / 3600.0, 1)::float AS hours
       FROM ts_visits
      WHERE joined_at > now() - interval '30 days'
      GROUP BY uid ORDER BY hours DESC LIMIT $1`,
    [limit],
  );
  return rows;
}
