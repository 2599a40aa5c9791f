import type { RowDataPacket } from "mysql2/promise";
import { pool } from "./db.js";
import { closeTicket, listOpenTickets, openTicket } from "./tickets/store.js";

export type Reply = (text: string) => Promise<void>;

interface EventRow extends RowDataPacket {
  created_at: Date;
  kind: string;
  note: string;
}

async function ticketStatus(requester: string, id: number, reply: Reply): Promise<void> {
  const conn = await pool.getConnection();
  const [tickets] = await conn.query<RowDataPacket[]>(
    "SELECT id, subject, status, assignee FROM tickets WHERE id = ? AND requester = ?",
    [id, requester],
  );
  if (tickets.length === 0) {
    await reply(`No ticket #${id} found for ${requester}.`);
    return;
  }
  const [events] = await conn.query<EventRow[]>(
    "SELECT created_at, kind, note FROM ticket_events WHERE ticket_id = ? ORDER BY created_at DESC LIMIT 5",
    [id],
  );
  conn.release();

  const t = tickets[0];
  const history = events.map((e) => `- ${e.created_at.toISOString()} ${e.kind}: ${e.note}`).join("\n");
  await reply(`#${t.id} ${t.subject}\nstatus: ${t.status}, assignee: ${t.assignee ?? "unassigned"}\n${history}`);
}

export async function handleCommand(requester: string, text: string, reply: Reply): Promise<void> {
  const [cmd, ...rest] = text.trim().split(/\s+/);
  const arg = rest.join(" ");

  switch (cmd) {
    case "/new": {
      if (!arg) return reply("Usage: /new <short description>");
      const id = await openTicket(requester, arg);
      return reply(`Ticket #${id} opened. We'll get back to you here.`);
    }
    case "/mine": {
      const rows = await listOpenTickets(requester);
      return reply(rows.length ? rows.map((r) => `#${r.id} [${r.status}] ${r.subject}`).join("\n") : "No open tickets.");
    }
    case "/status":
      return ticketStatus(requester, Number(arg), reply);
    case "/close": {
      const ok = await closeTicket(Number(arg), requester);
      return reply(ok ? `Ticket #${arg} closed.` : `Could not close #${arg}.`);
    }
    default:
      return reply("Commands: /new <text>, /mine, /status <id>, /close <id>");
  }
}
