import mysql from "mysql2/promise";

const SHOP_DB = {
  host: process.env.SHOP_DB_HOST ?? "127.0.0.1",
  port: Number(process.env.SHOP_DB_PORT ?? 3306),
  user: process.env.SHOP_DB_USER ?? "bakery",
  password: process.env.SHOP_DB_PASSWORD,
  database: process.env.SHOP_DB_NAME ?? "bakery_shop",
};

// Catalogue / customers pool
export const pool = mysql.createPool({
  ...SHOP_DB,
  connectionLimit: 10,
  waitForConnections: true,
});

// Used for short lookups (order status) so they don't queue behind catalogue queries.
export function openConnection() {
  return mysql.createConnection(SHOP_DB);
}

export interface Product {
  sku: string;
  name: string;
  price_cents: number;
  available_today: number;
}

export async function findProducts(term: string): Promise<Product[]> {
  const [rows] = await pool.query<(Product & mysql.RowDataPacket)[]>(
    "SELECT sku, name, price_cents, available_today FROM products WHERE active = 1 AND name LIKE ? ORDER BY name LIMIT 8",
    [`%${term}%`]
  );
  return rows;
}

export async function upsertCustomer(phone: string, name: string | undefined): Promise<number> {
  const [res] = await pool.execute<mysql.ResultSetHeader>(
    "INSERT INTO customers (phone, display_name) VALUES (?, ?) ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id), display_name = COALESCE(VALUES(display_name), display_name)",
    [phone, name ?? null]
  );
  return res.insertId;
}
