import { Pool } from 'pg';

export interface SettledPayment {
  paymentId: string;
  debtorIban: string;
  creditorIban: string;
  amountMinor: number;
  currency: string;
  valueDate: string;
}

export function openLedger(): Pool {
  return new Pool({
    connectionString: process.env.LEDGER_DATABASE_URL,
    max: 4,
    statement_timeout: 10_000,
  });
}

export async function bookPayment(ledger: Pool, p: SettledPayment): Promise<void> {
  await ledger.query(
    `INSERT INTO journal (payment_id, account, amount_minor, currency, value_date, side)
     VALUES ($1, $2, $3, $4, $5, 'D'), ($1, $6, $3, $4, $5, 'C')
     ON CONFLICT (payment_id, side) DO NOTHING`,
    [p.paymentId, p.debtorIban, p.amountMinor, p.currency, p.valueDate, p.creditorIban],
  );
}
