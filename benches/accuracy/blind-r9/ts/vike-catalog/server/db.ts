import pg from 'pg';

export const db = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: 10,
});

export interface Product {
  id: number;
  slug: string;
  title: string;
  price_cents: number;
}

export async function listProducts(limit = 50): Promise<Product[]> {
  const { rows } = await db.query<Product>('SELECT id, slug, title, price_cents FROM products ORDER BY title LIMIT $1', [limit]);
  return rows;
}
