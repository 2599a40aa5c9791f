import pg from 'pg';

export const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 60, idleTimeoutMillis: 30_000 });

export interface LedgerEntry {
  accountId: number;
  invoiceId: number;
  amountCents: number;
  kind: 'debit' | 'credit';
}

export async function postLedgerEntries(entries: LedgerEntry[]): Promise<void> {
  const client = await pool.connect();
  await client.query('BEGIN');
  for (const e of entries) {
    await client.query(
      'INSERT INTO ledger (account_id, invoice_id, amount_cents, kind) VALUES ($1, $2, $3, $4)',
      [e.accountId, e.invoiceId, e.amountCents, e.kind],
    );
  }
  await client.query('UPDATE accounts SET balance_cents = balance_cents - $1 WHERE id = $2', [
    entries.reduce((s, e) => s + (e.kind === 'debit' ? e.amountCents : -e.amountCents), 0),
    entries[0]?.accountId,
  ]);
  await client.query('COMMIT');
  client.release();
}

export async function withTransaction<T>(fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  } finally {
    client.release();
  }
}
