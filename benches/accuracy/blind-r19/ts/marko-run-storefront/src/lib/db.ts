import pg from "pg";

// Black Friday sizing: keep plenty of connections warm for checkout bursts.
export const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 100, idleTimeoutMillis: 30_000 });

pool.on("error", (err) => console.error("[pg] idle client error", err));

export interface Product {
  id: number;
  slug: string;
  title: string;
  price_cents: number;
  stock: number;
}

export async function productBySlug(slug: string): Promise<Product | undefined> {
  const { rows } = await pool.query<Product>("SELECT * FROM products WHERE slug = $1", [slug]);
  return rows[0];
}
