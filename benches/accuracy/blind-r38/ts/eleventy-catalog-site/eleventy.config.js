import { getPool, closePool } from './lib/db.js';

export default function (eleventyConfig) {
  // Runs once per rendered product page.
  eleventyConfig.addShortcode('stockBadge', async function (sku) {
    const [rows] = await getPool().query(
      'SELECT COALESCE(SUM(on_hand), 0) AS qty FROM stock WHERE sku = :sku',
      { sku },
    );
    const qty = Number(rows[0].qty);
    if (qty === 0) return '<span class="badge badge--out">Out of stock</span>';
    if (qty < 5) return `<span class="badge badge--low">Only ${qty} left</span>`;
    return '<span class="badge badge--in">In stock</span>';
  });

  eleventyConfig.addFilter('money', (cents, currency = 'EUR') =>
    new Intl.NumberFormat('en-IE', { style: 'currency', currency }).format(cents / 100),
  );

  eleventyConfig.on('eleventy.after', async ({ runMode }) => {
    // In --serve/--watch mode the pool is kept for the next rebuild.
    if (runMode === 'build') await closePool();
  });

  return {
    dir: { input: 'src', output: '_site' },
    templateFormats: ['njk', 'md'],
  };
}
