import { Pool } from 'pg';

// "Last seen" lookups for the !seen command and the web status page.
const db = new Pool({
  connectionString: process.env.DATABASE_URL,
  max: 4,
});

export async function markSeen(uid: string, nickname: string, channelName: string): Promise<void> {
  await db.query(
    `INSERT INTO ts_presence (uid, nickname, channel, seen_at) VALUES ($1, $2, $3, now())
     ON CONFLICT (uid) DO UPDATE SET nickname = EXCLUDED.nickname, channel = EXCLUDED.channel, seen_at = now()`,
    [uid, nickname, channelName],
  );
}

export async function lastSeen(nickname: string): Promise<{ nickname: string; seen_at: Date; channel: string } | null> {
  const { rows } = await db.query(
    `SELECT nickname, seen_at, channel FROM ts_presence
      WHERE lower(nickname) = lower($1) ORDER BY seen_at DESC LIMIT 1`,
    [nickname],
  );
  return rows[0] ?? null;
}
