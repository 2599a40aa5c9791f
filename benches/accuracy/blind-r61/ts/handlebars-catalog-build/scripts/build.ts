import Handlebars from 'handlebars';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { registerHelpers } from './helpers.js';

const OUT = path.resolve('dist');

interface Product {
  id: number;
  slug: string;
  name: string;
  price_cents: number;
  currency: string;
  stock: number;
  description_html: string;
}

async function loadVariants(db: pg.Client, productId: number, locale: string) {
  const { rows } = await db.query(
    `SELECT coalesce(t.label, v.label) AS label, v.price_cents
       FROM variants v LEFT JOIN variant_translations t ON t.variant_id = v.id AND t.locale = $2
      WHERE v.product_id = $1 ORDER BY v.position`,
    [productId, locale],
  );
  return rows;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { locale: { type: 'string', default: 'en' } } });
  const locale = values.locale!;

  const messages = JSON.parse(await readFile(`locales/${locale}.json`, 'utf8'));
  registerHelpers(locale, messages);
  Handlebars.registerPartial('header', await readFile('templates/partials/header.hbs', 'utf8'));
  const render = Handlebars.compile(await readFile('templates/product.hbs', 'utf8'));

  // One connection for the whole build; this script runs once per deploy.
  const db = new pg.Client({ connectionString: process.env.CATALOG_DATABASE_URL });
  await db.connect();
  try {
    const categories = (await db.query('SELECT slug, name FROM categories ORDER BY position')).rows;
    const { rows: products } = await db.query<Product>(
      `SELECT p.id, p.slug, coalesce(t.name, p.name) AS name, p.price_cents, p.currency, p.stock,
              coalesce(t.description_html, p.description_html) AS description_html
         FROM products p LEFT JOIN product_translations t ON t.product_id = p.id AND t.locale = $1
        WHERE p.published`,
      [locale],
    );

    for (const product of products) {
      const variants = await loadVariants(db, product.id, locale);
      const html = render({ locale, product, variants, categories });
      const dir = path.join(OUT, locale, 'p', product.slug);
      await mkdir(dir, { recursive: true });
      await writeFile(path.join(dir, 'index.html'), html);
    }
    console.log(`rendered ${products.length} product pages for ${locale}`);
  } finally {
    await db.end();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
