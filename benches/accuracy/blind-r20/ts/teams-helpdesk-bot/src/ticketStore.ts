import mysql from 'mysql2/promise';

const pool = mysql.createPool({
  uri: process.env.HELPDESK_DB_URL,
  connectionLimit: 5,
});

export interface Ticket {
  id: number;
  title: string;
  status: 'open' | 'pending' | 'closed';
  assignee: string | null;
}

export async function getTicket(id: number): Promise<Ticket | undefined> {
  const [rows] = await pool.query<mysql.RowDataPacket[]>(
    'SELECT id, title, status, assignee FROM tickets WHERE id = ?',
    [id],
  );
  return rows[0] as Ticket | undefined;
}

export async function openTicket(requester: string, title: string): Promise<number> {
  const conn = await pool.getConnection();
  await conn.beginTransaction();
  const [res] = await conn.execute<mysql.ResultSetHeader>(
    'INSERT INTO tickets (requester, title, status) VALUES (?, ?, "open")',
    [requester, title],
  );
  await conn.execute(
    'INSERT INTO ticket_events (ticket_id, kind, actor) VALUES (?, "opened", ?)',
    [res.insertId, requester],
  );
  await conn.commit();
  conn.release();
  return res.insertId;
}
