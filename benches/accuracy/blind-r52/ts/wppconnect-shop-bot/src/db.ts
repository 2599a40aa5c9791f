import mysql from 'mysql2/promise';
import type { RowDataPacket } from 'mysql2/promise';

export const pool = mysql.createPool({
  uri: process.env.SHOP_DB_URL,
  connectionLimit: 10,
  waitForConnections: true,
  enableKeepAlive: true,
  timezone: 'Z',
});

export interface CatalogueItem {
  sku: string;
  name: string;
  price: number;
}

interface CatalogueRow extends RowDataPacket {
  sku: string;
  name: string;
  price: string;
}

export async function listCatalogue(search: string): Promise<CatalogueItem[]> {
  const term = `%${search.trim()}%`;
  const [rows] = await pool.execute<CatalogueRow[]>(
    `SELECT sku, name, price
       FROM products
      WHERE active = 1 AND (name LIKE ? OR sku LIKE ?)
      ORDER BY name
      LIMIT 10`,
    [term, term],
  );
  return rows.map((r) => ({ sku: r.sku, name: r.name, price: Number(r.price) }));
}
