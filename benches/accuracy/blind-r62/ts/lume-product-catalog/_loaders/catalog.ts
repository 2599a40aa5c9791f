import postgres from "postgres";

export interface Product {
  slug: string;
  name: string;
  priceCents: number;
  category: string;
  description: string;
}

/**
 * Reads the published catalogue once per site build. The static site is
 * rebuilt by CI on every catalogue publish; the connection is opened for the
 * build and closed before Lume starts rendering.
 */
export async function loadCatalog(): Promise<Product[]> {
  const sql = postgres(Deno.env.get("CATALOG_DATABASE_URL")!, { max: 1 });
  try {
    const rows = await sql<Product[]>`
      SELECT slug, name, price_cents AS "priceCents", category, description
        FROM products
       WHERE published
       ORDER BY category, name
    `;
    return [...rows];
  } finally {
    await sql.end({ timeout: 5 });
  }
}
