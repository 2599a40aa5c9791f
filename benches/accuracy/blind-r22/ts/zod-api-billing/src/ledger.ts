import { Pool } from "pg";

const ledgerPool = new Pool({
  connectionString: process.env.DATABASE_URL,
  application_name: "billing-ledger",
});

export type LedgerKind = "invoice_finalized" | "payment_captured" | "refund";

export async function postLedgerEntry(
  accountId: string,
  kind: LedgerKind,
  amountCents: number,
  reference: string,
): Promise<void> {
  await ledgerPool.query(
    `INSERT INTO ledger_entries (account_id, kind, amount_cents, reference, posted_at)
     VALUES ($1, $2, $3, $4, now())
     ON CONFLICT (reference, kind) DO NOTHING`,
    [accountId, kind, amountCents, reference],
  );
}

export async function balance(accountId: string): Promise<number> {
  const { rows } = await ledgerPool.query<{ balance: string | null }>(
    "SELECT sum(amount_cents) AS balance FROM ledger_entries WHERE account_id = $1",
    [accountId],
  );
  return Number(rows[0]?.balance ?? 0);
}
