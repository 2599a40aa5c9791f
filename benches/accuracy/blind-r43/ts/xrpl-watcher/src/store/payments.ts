import pg from 'pg';

const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: 8,
  idleTimeoutMillis: 30_000,
});

export interface IncomingPayment {
  hash: string;
  ledgerIndex: number;
  account: string;
  destination: string;
  destinationTag: number | null;
  deliveredDrops: string;
  closeTime: Date;
}

export async function recordPayment(p: IncomingPayment): Promise<boolean> {
  const res = await pool.query(
    `INSERT INTO xrpl_payments (tx_hash, ledger_index, source, destination, destination_tag, delivered_drops, closed_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (tx_hash) DO NOTHING`,
    [p.hash, p.ledgerIndex, p.account, p.destination, p.destinationTag, p.deliveredDrops, p.closeTime],
  );
  return (res.rowCount ?? 0) > 0;
}

export async function lastSeenLedger(): Promise<number | null> {
  const { rows } = await pool.query<{ max: number | null }>('SELECT max(ledger_index) AS max FROM xrpl_payments');
  return rows[0]?.max ?? null;
}

export async function endPayments(): Promise<void> {
  await pool.end();
}
