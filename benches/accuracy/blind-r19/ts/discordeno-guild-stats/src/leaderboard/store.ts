import createConnectionPool, { sql } from "@databases/pg";

const pool = createConnectionPool(process.env.DATABASE_URL);

export interface RankRow {
  user_id: string;
  total: number;
}

export async function topUsers(guildId: bigint, limit = 10): Promise<RankRow[]> {
  return pool.query(sql`
    SELECT user_id::text, sum(count)::int AS total
    FROM message_counts
    WHERE guild_id = ${guildId} AND day > current_date - 30
    GROUP BY user_id
    ORDER BY total DESC
    LIMIT ${limit}
  `);
}

export async function rankOf(guildId: bigint, userId: bigint): Promise<number | null> {
  const rows = await pool.query(sql`
    SELECT rank FROM (
      SELECT user_id, rank() OVER (ORDER BY sum(count) DESC) AS rank
      FROM message_counts WHERE guild_id = ${guildId}
      GROUP BY user_id
    ) r WHERE user_id = ${userId}
  `);
  return rows[0]?.rank ?? null;
}
