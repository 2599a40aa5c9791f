import { getPool } from '../../lib/db.js';

export default async function () {
  const [rows] = await getPool().query(
    `SELECT sku, slug, title, description, price_cents, currency
       FROM products
      WHERE published = 1
      ORDER BY title`,
  );
  return rows;
}
