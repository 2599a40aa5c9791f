import mysql from "mysql2/promise";
import type { Client4 } from "@mattermost/client";
import type { Post } from "@mattermost/types/posts";

const standupPool = mysql.createPool({
  uri: process.env.MYSQL_URL,
  connectionLimit: 5,
  namedPlaceholders: true,
});

interface StandupEntry {
  yesterday: string;
  today: string;
  blockers: string;
}

export function parseStandup(message: string): StandupEntry | null {
  const body = message.replace(/^!standup\s*/i, "");
  const parts = body.split("|").map((p) => p.trim());
  if (parts.length < 2) return null;
  return { yesterday: parts[0], today: parts[1], blockers: parts[2] ?? "" };
}

export async function recordStandup(client: Client4, botUserId: string, post: Post): Promise<void> {
  const entry = parseStandup(post.message);
  if (!entry) {
    await client.createPost({
      channel_id: post.channel_id,
      root_id: post.id,
      message: "Format: `!standup yesterday | today | blockers`",
    } as Post);
    return;
  }

  const day = new Date().toISOString().slice(0, 10);
  const conn = await standupPool.getConnection();
  await conn.beginTransaction();
  await conn.execute(
    `INSERT INTO standups (channel_id, user_id, day, yesterday, today, blockers)
     VALUES (:channel, :user, :day, :yesterday, :today, :blockers)
     ON DUPLICATE KEY UPDATE yesterday = VALUES(yesterday), today = VALUES(today), blockers = VALUES(blockers)`,
    { channel: post.channel_id, user: post.user_id, day, ...entry },
  );
  if (entry.blockers) {
    await conn.execute(
      "INSERT INTO blockers (channel_id, user_id, day, description, resolved) VALUES (:channel, :user, :day, :blockers, 0)",
      { channel: post.channel_id, user: post.user_id, day, blockers: entry.blockers },
    );
  }
  await conn.commit();
  conn.release();

  await client.addReaction(botUserId, post.id, "white_check_mark");
}

export async function summary(client: Client4, channelId: string): Promise<void> {
  const day = new Date().toISOString().slice(0, 10);
  const [rows] = await standupPool.query<mysql.RowDataPacket[]>(
    "SELECT user_id, today, blockers FROM standups WHERE channel_id = :channel AND day = :day ORDER BY created_at",
    { channel: channelId, day },
  );
  const lines = rows.map((r) => `- @${r.user_id}: ${r.today}${r.blockers ? ` (blocked: ${r.blockers})` : ""}`);
  await client.createPost({
    channel_id: channelId,
    message: lines.length ? `**Standup ${day}**\n${lines.join("\n")}` : "Nobody has posted a standup yet today.",
  } as Post);
}
