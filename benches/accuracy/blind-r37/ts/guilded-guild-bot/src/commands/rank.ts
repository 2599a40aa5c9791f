import type { Message } from "guilded.js";
import { pool } from "../db.js";

export async function rank(message: Message, _args: string[]): Promise<void> {
  if (!message.serverId) {
    await message.reply("Ranks only exist inside a server.");
    return;
  }

  const conn = await pool.connect();
  const { rows } = await conn.query(
    `SELECT points, rank FROM (
       SELECT user_id, points, RANK() OVER (ORDER BY points DESC) AS rank
         FROM xp WHERE server_id = $1
     ) ranked WHERE user_id = $2`,
    [message.serverId, message.authorId]
  );

  if (rows.length === 0) {
    await message.reply("You have no XP yet - say something first!");
    return;
  }

  const { rows: top } = await conn.query(
    "SELECT user_id, points FROM xp WHERE server_id = $1 ORDER BY points DESC LIMIT 3",
    [message.serverId]
  );
  conn.release();

  const podium = top.map((r, i) => `${i + 1}. <@${r.user_id}> (${r.points})`).join("\n");
  await message.reply(`You are #${rows[0].rank} with ${rows[0].points} XP.\n${podium}`);
}
