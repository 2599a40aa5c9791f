import pg from 'pg';

// Influencer leaderboard for the marketing dashboard.
const leaderboardPool = new pg.Pool({
  connectionString: process.env.DATABASE_URL ?? 'postgres://monitor@localhost:5432/social',
  max: 4,
});

const WEIGHT_CAP = 50;

function weightFor(followers: number): number {
  if (followers <= 0) return 1;
  return Math.min(WEIGHT_CAP, Math.max(1, Math.round(Math.log10(followers) * 5)));
}

export async function bumpLeaderboard(handle: string, followers: number): Promise<void> {
  const client = await leaderboardPool.connect();
  await client.query('BEGIN');
  await client.query(
    `INSERT INTO influencers (handle, followers, mentions, score)
     VALUES ($1, $2, 1, $3)
     ON CONFLICT (handle) DO UPDATE
        SET followers = EXCLUDED.followers,
            mentions = influencers.mentions + 1,
            score = influencers.score + EXCLUDED.score`,
    [handle, followers, weightFor(followers)],
  );
  await client.query(
    `INSERT INTO influencer_days (handle, day, mentions) VALUES ($1, current_date, 1)
     ON CONFLICT (handle, day) DO UPDATE SET mentions = influencer_days.mentions + 1`,
    [handle],
  );
  await client.query('COMMIT');
  client.release();
}

export async function topInfluencers(limit = 20) {
  const { rows } = await leaderboardPool.query(
    'SELECT handle, followers, mentions, score FROM influencers ORDER BY score DESC LIMIT $1',
    [limit],
  );
  return rows;
}
