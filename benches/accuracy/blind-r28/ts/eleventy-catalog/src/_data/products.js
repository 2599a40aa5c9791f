import { getPool } from "../_lib/db.js";

// Global data file: evaluated once per build (and once per rebuild in --serve mode).
export default async function products() {
  const { rows } = await getPool().query(`
    SELECT p.sku, p.slug, p.title, p.summary, p.category, p.price_cents, p.currency,
           coalesce(json_agg(json_build_object('url', i.url, 'alt', i.alt) ORDER BY i.position)
                    FILTER (WHERE i.url IS NOT NULL), '[]') AS images
      FROM products p
      LEFT JOIN product_images i ON i.sku = p.sku
     WHERE p.published
     GROUP BY p.sku
     ORDER BY p.category, p.title
  `);

  return rows.map((row) => ({
    sku: row.sku,
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    category: row.category,
    priceCents: row.price_cents,
    currency: row.currency,
    images: row.images,
    permalink: `/products/${row.category}/${row.slug}/`,
  }));
}

export const categories = async () => {
  const { rows } = await getPool().query(
    "SELECT DISTINCT category FROM products WHERE published ORDER BY category",
  );
  return rows.map((row) => row.category);
};
