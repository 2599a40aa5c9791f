import type pg from 'pg';

interface ProductRow {
  sku: string;
  name: string;
  description: string | null;
  price_cents: number;
  currency: string;
  category_path: string[];
  image_keys: string[];
}

export interface LocaleExport {
  key: string;
  body: string;
  products: number;
}

/**
 * Reads every published product with its translation for one locale and
 * serialises the catalogue file the storefront downloads at boot.
 */
export async function exportLocale(db: pg.Client, releaseId: string, locale: string): Promise<LocaleExport> {
  const { rows } = await db.query<ProductRow>(
    `SELECT p.sku,
            coalesce(t.name, p.name) AS name,
            coalesce(t.description, p.description) AS description,
            pr.amount_cents AS price_cents,
            pr.currency,
            p.category_path,
            p.image_keys
       FROM products p
       JOIN prices pr ON pr.sku = p.sku AND pr.market = (SELECT market FROM locales WHERE code = $1)
       LEFT JOIN product_translations t ON t.sku = p.sku AND t.locale = $1
      WHERE p.published
      ORDER BY p.sku`,
    [locale],
  );

  const body = JSON.stringify({
    release: releaseId,
    locale,
    generatedAt: new Date().toISOString(),
    products: rows.map((r) => ({
      sku: r.sku,
      name: r.name,
      description: r.description ?? '',
      price: { amount: r.price_cents / 100, currency: r.currency },
      categories: r.category_path,
      images: r.image_keys.map((k) => `https://cdn.example-shop.com/${k}`),
    })),
  });

  return { key: `catalog/${releaseId}/${locale}.json`, body, products: rows.length };
}
