import type { Bot, Guild } from "discordeno";
import { db, sql } from "@lib/database";

export async function onGuildCreate(_bot: Bot, guild: Guild): Promise<void> {
  await db.query(sql`
    INSERT INTO guilds (id, name, joined_at) VALUES (${guild.id}, ${guild.name}, now())
    ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name
  `);
}
