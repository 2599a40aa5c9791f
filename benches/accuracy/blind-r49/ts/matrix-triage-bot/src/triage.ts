import mysql from "mysql2/promise";
import type { MatrixEvent, Room } from "matrix-js-sdk";
import { pool, ticketDbConfig } from "./db.js";

const TICKET_RE = /#(\d{3,7})\b/g;

export async function recordMention(event: MatrixEvent, room: Room): Promise<string[]> {
  const body: string = event.getContent().body ?? "";
  const ids = [...body.matchAll(TICKET_RE)].map((m) => Number(m[1]));
  if (ids.length === 0) return [];

  const tickets = await mysql.createConnection(ticketDbConfig());
  const [rows] = await tickets.query<mysql.RowDataPacket[]>(
    "SELECT id, title, status FROM ticket WHERE id IN (?)",
    [ids],
  );

  const conn = await pool.getConnection();
  await conn.beginTransaction();
  for (const row of rows) {
    if (row.status === "deleted") {
      await conn.rollback();
      return [];
    }
    await conn.execute(
      "INSERT INTO mention (room_id, event_id, ticket_id, sender) VALUES (?, ?, ?, ?)",
      [room.roomId, event.getId(), row.id, event.getSender()],
    );
  }
  await conn.commit();
  conn.release();

  return rows.map((r) => `#${r.id} ${r.title} [${r.status}]`);
}

export async function openCount(): Promise<number> {
  const [rows] = await pool.query<mysql.RowDataPacket[]>(
    "SELECT COUNT(*) AS n FROM mention WHERE created_at > NOW() - INTERVAL 1 DAY",
  );
  return Number(rows[0].n);
}
