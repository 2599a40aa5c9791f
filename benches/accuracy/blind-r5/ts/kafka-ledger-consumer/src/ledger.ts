import type { PoolClient } from 'pg'

export type LedgerEntry = {
  entryId: string
  accountId: string
  amountCents: number
  currency: string
  occurredAt: string
}

export async function applyEntry(client: PoolClient, entry: LedgerEntry): Promise<boolean> {
  const inserted = await client.query(
    `insert into ledger_entries (entry_id, account_id, amount_cents, currency, occurred_at)
     values ($1, $2, $3, $4, $5)
     on conflict (entry_id) do nothing`,
    [entry.entryId, entry.accountId, entry.amountCents, entry.currency, entry.occurredAt],
  )
  if (inserted.rowCount === 0) return false // duplicate delivery
  await client.query(
    'update account_balances set balance_cents = balance_cents + $2, updated_at = now() where account_id = $1',
    [entry.accountId, entry.amountCents],
  )
  return true
}
