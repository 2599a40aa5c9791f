import { Redis } from "ioredis";
import type { Db } from "../db.js";
import { formatCents } from "../db.js";

interface Balance {
  username: string;
  paid: number;
  owes: number;
}

/**
 * /report - who owes whom in this chat. Results are cached for a minute because
 * people tend to spam the command right after a dinner.
 */
export async function balanceReport(db: Db, chatId: number): Promise<string> {
  const cache = new Redis(process.env.REDIS_URL ?? "redis://localhost:6379/0");
  try {
    const cached = await cache.get(`report:${chatId}`);
    if (cached) return cached;

    const { rows } = await db.query<Balance>(
      `SELECT m.username,
              COALESCE((SELECT sum(amount_cents) FROM expenses e
                         WHERE e.chat_id = m.chat_id AND e.payer_id = m.user_id), 0)::int AS paid,
              COALESCE((SELECT sum(share_cents) FROM expense_shares s
                          JOIN expenses e ON e.id = s.expense_id
                         WHERE e.chat_id = m.chat_id AND s.user_id = m.user_id), 0)::int AS owes
         FROM members m
        WHERE m.chat_id = $1
        ORDER BY m.username`,
      [chatId]
    );

    if (rows.length === 0) return "No expenses yet.";

    const lines = rows.map((b) => {
      const net = b.paid - b.owes;
      const sign = net >= 0 ? "gets back" : "owes";
      return `@${b.username} ${sign} ${formatCents(Math.abs(net))}`;
    });
    const text = ["Balances:", ...lines].join("\n");
    await cache.set(`report:${chatId}`, text, "EX", 60);
    return text;
  } finally {
    cache.disconnect();
  }
}
