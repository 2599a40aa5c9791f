import type { ResultSetHeader, RowDataPacket } from "mysql2/promise";
import { pool } from "./db";

export interface PostEntry {
  terminalId: string;
  account: string;
  counterAccount: string;
  amountCents: number;
  memo?: string;
}

export async function postEntry(entry: PostEntry): Promise<number> {
  const conn = await pool.getConnection();
  await conn.beginTransaction();
  const [res] = await conn.execute<ResultSetHeader>(
    "INSERT INTO journal (terminal_id, memo, created_at) VALUES (?, ?, NOW())",
    [entry.terminalId, entry.memo ?? null],
  );
  await conn.execute(
    "INSERT INTO postings (journal_id, account, amount_cents) VALUES (?, ?, ?), (?, ?, ?)",
    [res.insertId, entry.account, -entry.amountCents, res.insertId, entry.counterAccount, entry.amountCents],
  );
  await conn.commit();
  conn.release();
  return res.insertId;
}

export async function balance(account: string): Promise<number> {
  const [rows] = await pool.query<RowDataPacket[]>(
    "SELECT COALESCE(SUM(amount_cents), 0) AS cents FROM postings WHERE account = ?",
    [account],
  );
  return Number(rows[0].cents);
}
