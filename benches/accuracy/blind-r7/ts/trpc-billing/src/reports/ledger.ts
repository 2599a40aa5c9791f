import mysql, { type RowDataPacket } from 'mysql2/promise';

// Reports run heavier queries, so they get their own pool on the billing DB.
const reportPool = mysql.createPool({
  uri: process.env.BILLING_DB_URL,
  connectionLimit: 4,
  dateStrings: true,
});

export interface LedgerRow extends RowDataPacket {
  day: string;
  charged: number;
  refunded: number;
}

export async function ledgerSummary(accountId: string, from: string, to: string) {
  const [rows] = await reportPool.query<LedgerRow[]>(
    `SELECT DATE(created_at) AS day,
            SUM(CASE WHEN kind = 'charge' THEN amount_cents ELSE 0 END) AS charged,
            SUM(CASE WHEN kind = 'refund' THEN amount_cents ELSE 0 END) AS refunded
       FROM ledger_entries
      WHERE account_id = ? AND created_at BETWEEN ? AND ?
      GROUP BY DATE(created_at)
      ORDER BY day`,
    [accountId, from, to],
  );
  return rows;
}
