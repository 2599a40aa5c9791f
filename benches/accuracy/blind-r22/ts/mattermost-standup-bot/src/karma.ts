import mysql from "mysql2/promise";
import type { Client4 } from "@mattermost/client";
import type { Post } from "@mattermost/types/posts";

const KARMA_RE = /@([a-z0-9._-]+)\s*(\+\+|--)/gi;

export function hasKarma(message: string): boolean {
  KARMA_RE.lastIndex = 0;
  return KARMA_RE.test(message);
}

export async function applyKarma(client: Client4, post: Post): Promise<void> {
  const changes = new Map<string, number>();
  for (const match of post.message.matchAll(KARMA_RE)) {
    const username = match[1].toLowerCase();
    const delta = match[2] === "++" ? 1 : -1;
    changes.set(username, (changes.get(username) ?? 0) + delta);
  }
  if (changes.size === 0) return;

  const conn = await mysql.createConnection({
    uri: process.env.MYSQL_URL,
    connectTimeout: 5_000,
  });

  const replies: string[] = [];
  try {
    for (const [username, delta] of changes) {
      const user = await client.getUserByUsername(username).catch(() => null);
      if (!user || user.id === post.user_id) continue;

      await conn.execute(
        "INSERT INTO karma (user_id, score) VALUES (?, ?) ON DUPLICATE KEY UPDATE score = score + VALUES(score)",
        [user.id, delta],
      );
      const [rows] = await conn.query<mysql.RowDataPacket[]>("SELECT score FROM karma WHERE user_id = ?", [user.id]);
      replies.push(`@${username} now has ${rows[0]?.score ?? delta} karma`);
    }
  } finally {
    await conn.end();
  }

  if (replies.length) {
    await client.createPost({ channel_id: post.channel_id, root_id: post.id, message: replies.join("\n") } as Post);
  }
}
