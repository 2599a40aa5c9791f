import pg from 'pg';

const { Pool } = pg;

export const db = new Pool({
  connectionString: process.env.DATABASE_URL ?? 'postgres://monitor@localhost:5432/social',
  max: 8,
  idleTimeoutMillis: 30_000,
  application_name: 'brand-monitor',
});

db.on('error', (err) => console.error('idle pg client error', err));

export async function recentIncidentCount(minutes: number): Promise<number> {
  const { rows } = await db.query<{ n: string }>(
    `SELECT count(*) AS n FROM incident_signals WHERE created_at > now() - ($1 || ' minutes')::interval`,
    [minutes],
  );
  return Number(rows[0]?.n ?? 0);
}

export async function markIncidentReviewed(tweetId: string, reviewer: string): Promise<void> {
  await db.query(
    'UPDATE incident_signals SET reviewed_by = $2, reviewed_at = now() WHERE tweet_id = $1',
    [tweetId, reviewer],
  );
}

export async function unreviewedIncidents(limit = 25) {
  const { rows } = await db.query(
    `SELECT tweet_id, author_id, body, created_at FROM incident_signals
      WHERE reviewed_at IS NULL ORDER BY created_at DESC LIMIT $1`,
    [limit],
  );
  return rows;
}
