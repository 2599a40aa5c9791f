import type { ChatClient, ChatSubInfo, UserNotice } from "@twurple/chat";
import { db } from "../db.js";

export async function onSubscription(
  chat: ChatClient,
  channel: string,
  user: string,
  sub: ChatSubInfo,
  _notice: UserNotice,
) {
  const bonus = sub.plan === "3000" ? 1500 : sub.plan === "2000" ? 800 : 500;

  const conn = await db.getConnection();
  await conn.beginTransaction();
  await conn.execute(
    "insert into subs (channel, user_id, plan, months, at) values (?, ?, ?, ?, now())",
    [channel, sub.userId, sub.plan, sub.months],
  );
  await conn.execute(
    "update viewer_points set points = points + ? where channel = ? and user_id = ?",
    [bonus, channel, sub.userId],
  );
  await conn.commit();
  conn.release();

  await chat.say(channel, `Thanks for the ${sub.months}-month sub, ${sub.displayName ?? user}! +${bonus} points`);
}
