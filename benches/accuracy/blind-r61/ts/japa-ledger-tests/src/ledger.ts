import type { ClientBase } from 'pg';

export class InsufficientFunds extends Error {}

export interface Transfer {
  from: string;
  to: string;
  amountCents: number;
  memo?: string;
}

/**
 * Posts a transfer as two journal lines inside the caller's transaction.
 * The caller owns the client (and the BEGIN/COMMIT around it).
 */
export async function postTransfer(db: ClientBase, t: Transfer): Promise<string> {
  if (t.amountCents <= 0) throw new RangeError('amount must be positive');

  const { rows } = await db.query<{ balance_cents: string }>(
    'SELECT balance_cents FROM accounts WHERE id = $1 FOR UPDATE',
    [t.from],
  );
  if (!rows[0]) throw new Error(`unknown account ${t.from}`);
  if (Number(rows[0].balance_cents) < t.amountCents) throw new InsufficientFunds(t.from);

  const entry = await db.query<{ id: string }>(
    'INSERT INTO journal_entries (memo) VALUES ($1) RETURNING id',
    [t.memo ?? null],
  );
  const entryId = entry.rows[0].id;
  await db.query(
    `INSERT INTO journal_lines (entry_id, account_id, amount_cents)
     VALUES ($1, $2, $3), ($1, $4, $5)`,
    [entryId, t.from, -t.amountCents, t.to, t.amountCents],
  );
  await db.query('UPDATE accounts SET balance_cents = balance_cents - $2 WHERE id = $1', [t.from, t.amountCents]);
  await db.query('UPDATE accounts SET balance_cents = balance_cents + $2 WHERE id = $1', [t.to, t.amountCents]);
  return entryId;
}

export async function balance(db: ClientBase, accountId: string): Promise<number> {
  const { rows } = await db.query<{ balance_cents: string }>(
    'SELECT balance_cents FROM accounts WHERE id = $1',
    [accountId],
  );
  return Number(rows[0].balance_cents);
}
