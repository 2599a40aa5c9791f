import mysql from 'mysql2/promise';

// Sized for the Black Friday load test; MySQL primary has max_connections=300.
export const pool = mysql.createPool({
  uri: process.env.INVENTORY_DB_URL ?? 'mysql://inventory:inventory@127.0.0.1:3306/inventory',
  connectionLimit: 200,
  waitForConnections: true,
  queueLimit: 0,
  enableKeepAlive: true,
});

export async function stockRow(sku: string): Promise<{ available: number; reserved: number } | undefined> {
  const [rows] = await pool.query<mysql.RowDataPacket[]>(
    'SELECT available, reserved FROM stock WHERE sku = ?',
    [sku],
  );
  return rows[0] as { available: number; reserved: number } | undefined;
}
