import mysql from 'mysql2/promise';

// Shared pool for the warehouse (WMS) database. Built once when the module is first imported.
export const pool = mysql.createPool({
  host: process.env.WMS_DB_HOST ?? '127.0.0.1',
  port: Number(process.env.WMS_DB_PORT ?? 3306),
  user: process.env.WMS_DB_USER ?? 'bot',
  password: process.env.WMS_DB_PASSWORD,
  database: process.env.WMS_DB_NAME ?? 'wms',
  connectionLimit: 10,
  waitForConnections: true,
  enableKeepAlive: true,
});

export interface StockRow {
  sku: string;
  location: string;
  on_hand: number;
  reserved: number;
}

export async function closePool(): Promise<void> {
  await pool.end();
}
