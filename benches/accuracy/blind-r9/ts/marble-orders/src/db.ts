import mysql from 'mysql2/promise';

// Shared pool for the orders schema, built once when the module is first imported.
export const pool = mysql.createPool({
  uri: process.env.ORDERS_DB_URL ?? 'mysql://app:app@localhost:3306/orders',
  connectionLimit: 10,
  waitForConnections: true,
});

// The audit log lives in a different MySQL instance owned by the compliance team.
export async function writeAudit(actor: string, action: string, subject: string): Promise<void> {
  const conn = await mysql.createConnection(process.env.AUDIT_DB_URL ?? 'mysql://audit:audit@audit-db:3306/audit');
  try {
    await conn.execute(
      'INSERT INTO audit_events (actor, action, subject, at) VALUES (?, ?, ?, NOW())',
      [actor, action, subject],
    );
  } finally {
    await conn.end();
  }
}
