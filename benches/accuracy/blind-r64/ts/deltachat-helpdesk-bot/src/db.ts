import mysql from "mysql2/promise";

// Shared pool for the helpdesk schema (agents, tickets, ticket_events).
export const pool = mysql.createPool({
  uri: process.env.HELPDESK_DB_URL ?? "mysql://helpdesk:helpdesk@127.0.0.1:3306/helpdesk",
  connectionLimit: 8,
  waitForConnections: true,
  enableKeepAlive: true,
});

export async function closeDb(): Promise<void> {
  await pool.end();
}
