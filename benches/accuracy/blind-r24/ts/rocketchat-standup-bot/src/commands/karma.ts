import { db, type ChatMessage, type Reply } from "../lib";

export const KARMA_RE = /@([\w.-]+)\s*(\+\+|--)/;

export async function handleKarma(message: ChatMessage, reply: Reply): Promise<void> {
  const match = KARMA_RE.exec(message.msg);
  if (!match) return;
  const [, target, op] = match;
  const delta = op === "++" ? 1 : -1;

  const conn = await db.connect();
  await conn.query("begin");

  const { rows: recent } = await conn.query(
    `select 1 from karma_events
      where giver = $1 and receiver = $2 and created_at > now() - interval '1 minute'`,
    [message.u.username, target],
  );
  if (target === message.u.username || recent.length > 0) {
    await conn.query("rollback");
    await reply(target === message.u.username ? "Nice try." : "Slow down a bit :)");
    return;
  }

  await conn.query(
    `insert into karma_events (giver, receiver, delta, room_id) values ($1, $2, $3, $4)`,
    [message.u.username, target, delta, message.rid],
  );
  const { rows } = await conn.query<{ score: number }>(
    `insert into karma (username, score) values ($1, $2)
     on conflict (username) do update set score = karma.score + excluded.score
     returning score`,
    [target, delta],
  );
  await conn.query("commit");
  conn.release();

  await reply(`@${target} now has ${rows[0].score} karma`);
}
