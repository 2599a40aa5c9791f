import createConnectionPool, { sql } from "@databases/pg";

export { sql };

export const db = createConnectionPool({
  connectionString: process.env.DATABASE_URL,
  bigIntMode: "bigint",
  poolSize: 10,
});

export async function bumpMessageCount(guildId: bigint, userId: bigint): Promise<void> {
  await db.query(sql`
    INSERT INTO message_counts (guild_id, user_id, day, count)
    VALUES (${guildId}, ${userId}, current_date, 1)
    ON CONFLICT (guild_id, user_id, day) DO UPDATE SET count = message_counts.count + 1
  `);
}
