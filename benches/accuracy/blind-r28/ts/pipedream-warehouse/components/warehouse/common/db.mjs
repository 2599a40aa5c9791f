import mysql from "mysql2/promise";

// One pool per component worker; Pipedream keeps the worker warm between events.
export const pool = mysql.createPool({
  uri: process.env.WAREHOUSE_MYSQL_URL,
  connectionLimit: 4,
  waitForConnections: true,
  enableKeepAlive: true,
  namedPlaceholders: false,
  timezone: "Z",
});

export async function listSkus(offset, limit) {
  const [rows] = await pool.query(
    "SELECT sku, title FROM products WHERE archived = 0 ORDER BY sku LIMIT ? OFFSET ?",
    [limit, offset],
  );
  return rows;
}

export async function fetchProduct(sku) {
  const [rows] = await pool.execute(
    `SELECT p.sku, p.title, p.brand, p.price_cents, p.tags, s.on_hand, s.reserved
       FROM products p JOIN stock s ON s.sku = p.sku
      WHERE p.sku = ?`,
    [sku],
  );
  return rows[0] ?? null;
}

export function available(product) {
  return Math.max(0, Number(product.on_hand) - Number(product.reserved));
}

export function toPrice(cents) {
  return Math.round(Number(cents)) / 100;
}
