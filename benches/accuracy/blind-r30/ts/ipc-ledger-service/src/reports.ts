import mysql, { RowDataPacket } from "mysql2/promise";

export interface ReportRequest {
  terminalId: string;
  from: string;
  to: string;
}

// Reports read from the replica so they never block the POS write path.
export async function buildReport(req: ReportRequest): Promise<RowDataPacket[]> {
  const replica = mysql.createPool({
    uri: process.env.MYSQL_REPLICA_URL ?? "mysql://ledger_ro:ledger@127.0.0.1:3307/ledger",
    connectionLimit: 4,
  });
  try {
    const [rows] = await replica.query<RowDataPacket[]>(
      `SELECT p.account, SUM(p.amount_cents) AS cents, COUNT(*) AS lines
         FROM journal j JOIN postings p ON p.journal_id = j.id
        WHERE j.terminal_id = ? AND j.created_at BETWEEN ? AND ?
        GROUP BY p.account`,
      [req.terminalId, req.from, req.to],
    );
    return rows;
  } finally {
    await replica.end();
  }
}
