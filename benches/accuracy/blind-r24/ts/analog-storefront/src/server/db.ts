import postgres from 'postgres';

export const sql = postgres(process.env['DATABASE_URL'] as string, {
  max: 10,
  idle_timeout: 30,
  connect_timeout: 10,
});

export interface Product {
  id: number;
  slug: string;
  title: string;
  price_cents: number;
  stock: number;
}

export async function productBySlug(slug: string): Promise<Product | undefined> {
  const rows = await sql<Product[]>`
    select id, slug, title, price_cents, stock
      from products
     where slug = ${slug} and published
  `;
  return rows[0];
}
