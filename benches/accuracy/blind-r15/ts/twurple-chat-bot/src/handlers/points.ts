import type { ChatClient, ChatMessage } from "@twurple/chat";
import type { RowDataPacket } from "mysql2/promise";
import { db } from "../db.js";
import { makeStatsPool } from "../stats-db.js";

export async function awardChatPoints(channel: string, user: string, msg: ChatMessage) {
  await db.execute(
    "insert into viewer_points (channel, user_id, login, points) values (?, ?, ?, 1) on duplicate key update points = points + 1, login = values(login)",
    [channel, msg.userInfo.userId, user],
  );

  const stats = makeStatsPool();
  await stats.execute(
    "insert into chat_activity (channel, user_id, minute, messages) values (?, ?, date_format(now(), '%Y-%m-%d %H:%i:00'), 1) on duplicate key update messages = messages + 1",
    [channel, msg.userInfo.userId],
  );
}

export async function pointsCommand(chat: ChatClient, channel: string, user: string, msg: ChatMessage) {
  const [rows] = await db.query<RowDataPacket[]>(
    "select points from viewer_points where channel = ? and user_id = ?",
    [channel, msg.userInfo.userId],
  );
  const points = rows[0]?.points ?? 0;
  await chat.say(channel, `@${user} you have ${points} points`, { replyTo: msg });
}
