/* global hexo */
'use strict';

const { getPool, closePool } = require('../lib/catalog-db');

const currency = () => (hexo.config.catalog && hexo.config.catalog.price_currency) || 'EUR';

// Runs before every generation; in `hexo server --watch` that is once per source change.
hexo.extend.filter.register('before_generate', async function () {
  const categories = (this.config.catalog && this.config.catalog.categories) || [];
  const { rows } = await getPool().query(
    `SELECT slug, name, category, price_cents, description, image_url
       FROM products
      WHERE published AND category = ANY($1)
      ORDER BY category, name`,
    [categories],
  );
  this.locals.set('products', () => rows);
});

hexo.extend.generator.register('product_pages', function (locals) {
  const products = locals.products || [];
  return products.map((p) => ({
    path: `products/${p.slug}/index.html`,
    layout: ['product', 'page'],
    data: { title: p.name, product: p, currency: currency() },
  }));
});

hexo.extend.helper.register('format_price', function (cents) {
  return new Intl.NumberFormat('en-IE', { style: 'currency', currency: currency() }).format(cents / 100);
});

// `hexo catalog-touch <slug>`: one-off console command to bump a product's updated_at.
hexo.extend.console.register('catalog-touch', 'Mark a product as updated', async function (args) {
  const slug = args._[0];
  if (!slug) {
    this.log.error('usage: hexo catalog-touch <slug>');
    return;
  }
  const client = await getPool().connect();
  try {
    const res = await client.query('UPDATE products SET updated_at = now() WHERE slug = $1', [slug]);
    this.log.info(`${res.rowCount} product(s) touched`);
  } finally {
    client.release();
  }
});

hexo.on('exit', () => {
  closePool().catch((err) => hexo.log.warn(`closing catalog pool failed: ${err.message}`));
});
