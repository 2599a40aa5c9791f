import pg from 'pg';

// Built once when the daemon starts; shared by every poll.
export const pool = new pg.Pool({
  connectionString: process.env.STATS_DATABASE_URL ?? 'postgres://stats@localhost:5432/mcstats',
  max: 3,
});

export async function recordSample(serverId: string, online: number, max: number, players: string[]) {
  await pool.query(
    `INSERT INTO player_samples (server_id, online, max_players, players, sampled_at)
     VALUES ($1, $2, $3, $4, now())`,
    [serverId, online, max, players],
  );
}
