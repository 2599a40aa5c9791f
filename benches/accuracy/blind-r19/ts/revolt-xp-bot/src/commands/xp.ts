import type { Message } from "revolt.js";
import type { Deps } from "../deps.js";

const XP_PER_MESSAGE = 5;
const COOLDOWN_SECONDS = 60;

export async function awardXp({ pool, valkey }: Deps, message: Message): Promise<void> {
  const serverId = message.server?.id;
  if (!serverId || !message.authorId) return;

  // one award per user per minute; SET NX doubles as the cooldown check
  const fresh = await valkey.set(`xp:cd:${serverId}:${message.authorId}`, "1", "EX", COOLDOWN_SECONDS, "NX");
  if (fresh !== "OK") return;

  await pool.query(
    `INSERT INTO xp (server_id, user_id, points) VALUES ($1, $2, $3)
     ON CONFLICT (server_id, user_id) DO UPDATE SET points = xp.points + EXCLUDED.points`,
    [serverId, message.authorId, XP_PER_MESSAGE],
  );
}

export async function giftXp({ pool }: Deps, message: Message, args: string[]): Promise<string> {
  const serverId = message.server?.id;
  const [targetMention, amountRaw] = args;
  const target = targetMention?.replace(/[<@>]/g, "");
  const amount = Number(amountRaw);
  if (!serverId || !target || !Number.isInteger(amount) || amount <= 0) {
    return "Usage: !gift @user <points>";
  }

  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const { rows } = await client.query<{ points: number }>(
      "SELECT points FROM xp WHERE server_id = $1 AND user_id = $2 FOR UPDATE",
      [serverId, message.authorId],
    );
    if ((rows[0]?.points ?? 0) < amount) {
      await client.query("ROLLBACK");
      return "You don't have that many points.";
    }
    await client.query("UPDATE xp SET points = points - $3 WHERE server_id = $1 AND user_id = $2", [
      serverId,
      message.authorId,
      amount,
    ]);
    await client.query(
      `INSERT INTO xp (server_id, user_id, points) VALUES ($1, $2, $3)
       ON CONFLICT (server_id, user_id) DO UPDATE SET points = xp.points + EXCLUDED.points`,
      [serverId, target, amount],
    );
    await client.query("COMMIT");
    return `Gifted ${amount} points.`;
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}

export async function showXp({ pool }: Deps, message: Message): Promise<string> {
  const { rows } = await pool.query<{ points: number }>(
    "SELECT points FROM xp WHERE server_id = $1 AND user_id = $2",
    [message.server?.id, message.authorId],
  );
  return `You have ${rows[0]?.points ?? 0} points.`;
}
