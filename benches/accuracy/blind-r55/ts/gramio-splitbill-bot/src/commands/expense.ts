import type { Db } from "../db.js";
import { parseAmount, formatCents } from "../db.js";

/**
 * /add 23,40 pizza @anna @ben
 * Records an expense paid by the sender and splits it between the mentioned members
 * (or everyone in the group when nobody is mentioned).
 */
export async function addExpense(
  db: Db,
  chatId: number,
  payerId: number,
  args: string | null
): Promise<string> {
  if (!args) return "Usage: /add <amount> <description> [@member ...]";

  const [rawAmount, ...rest] = args.trim().split(/\s+/);
  const cents = parseAmount(rawAmount);
  if (cents === null) return `Could not read an amount from "${rawAmount}"`;

  const mentions = rest.filter((w) => w.startsWith("@")).map((w) => w.slice(1).toLowerCase());
  const description = rest.filter((w) => !w.startsWith("@")).join(" ") || "expense";

  const client = await db.connect();
  await client.query("BEGIN");

  const members = await client.query<{ user_id: number; username: string }>(
    `SELECT user_id, lower(username) AS username FROM members WHERE chat_id = $1`,
    [chatId]
  );
  const sharers = mentions.length
    ? members.rows.filter((m) => mentions.includes(m.username))
    : members.rows;

  if (sharers.length === 0) {
    await client.query("ROLLBACK");
    return "None of the mentioned people have joined yet (/join).";
  }

  const { rows } = await client.query<{ id: number }>(
    `INSERT INTO expenses (chat_id, payer_id, amount_cents, description)
     VALUES ($1, $2, $3, $4) RETURNING id`,
    [chatId, payerId, cents, description]
  );
  const share = Math.floor(cents / sharers.length);
  for (const m of sharers) {
    await client.query(
      `INSERT INTO expense_shares (expense_id, user_id, share_cents) VALUES ($1, $2, $3)`,
      [rows[0].id, m.user_id, share]
    );
  }
  await client.query("COMMIT");
  client.release();

  return `Added ${formatCents(cents)} for "${description}", split ${sharers.length} ways.`;
}

export async function joinGroup(db: Db, chatId: number, userId: number, username: string) {
  await db.query(
    `INSERT INTO members (chat_id, user_id, username) VALUES ($1, $2, $3)
     ON CONFLICT (chat_id, user_id) DO UPDATE SET username = EXCLUDED.username`,
    [chatId, userId, username]
  );
  return `Welcome, @${username}!`;
}
