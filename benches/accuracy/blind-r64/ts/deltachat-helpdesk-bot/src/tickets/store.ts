import mysql, { type ResultSetHeader, type RowDataPacket } from "mysql2/promise";

const pool = mysql.createPool({
  uri: process.env.HELPDESK_DB_URL ?? "mysql://helpdesk:helpdesk@127.0.0.1:3306/helpdesk",
  connectionLimit: 5,
});

export interface TicketRow extends RowDataPacket {
  id: number;
  requester: string;
  subject: string;
  status: "open" | "pending" | "closed";
  assignee: string | null;
}

export async function openTicket(requester: string, subject: string): Promise<number> {
  const [res] = await pool.execute<ResultSetHeader>(
    "INSERT INTO tickets (requester, subject, status) VALUES (?, ?, 'open')",
    [requester, subject],
  );
  return res.insertId;
}

export async function listOpenTickets(requester: string): Promise<TicketRow[]> {
  const [rows] = await pool.execute<TicketRow[]>(
    "SELECT id, requester, subject, status, assignee FROM tickets WHERE requester = ? AND status <> 'closed' ORDER BY id DESC LIMIT 10",
    [requester],
  );
  return rows;
}

export async function closeTicket(id: number, requester: string): Promise<boolean> {
  const [res] = await pool.execute<ResultSetHeader>(
    "UPDATE tickets SET status = 'closed', closed_at = NOW() WHERE id = ? AND requester = ?",
    [id, requester],
  );
  return res.affectedRows === 1;
}
