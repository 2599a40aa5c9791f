import pg from "pg";

// Ledger database (Postgres). Used by the invoice and ledger workers.
export const ledgerPool = new pg.Pool({
  connectionString: process.env.LEDGER_DATABASE_URL,
  max: 10,
  idleTimeoutMillis: 30_000,
});

export async function invoiceTotals(invoiceId: string) {
  const { rows } = await ledgerPool.query(
    "SELECT currency, sum(amount_cents)::bigint AS total FROM invoice_lines WHERE invoice_id = $1 GROUP BY currency",
    [invoiceId],
  );
  return rows as { currency: string; total: string }[];
}
