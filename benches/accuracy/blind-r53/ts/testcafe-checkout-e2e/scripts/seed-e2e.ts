/**
 * One-off: recreate the e2e schema fixtures before a CI run.
 *   E2E_DATABASE_URL=postgres://... npx tsx scripts/seed-e2e.ts
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Client } from 'pg';

const PRODUCTS = [
  { sku: 'MUG-ENAMEL', name: 'Enamel mug', price_cents: 1800, stock: 500 },
  { sku: 'TEE-LOGO-M', name: 'Logo tee (M)', price_cents: 2500, stock: 200 },
  { sku: 'TOTE-CANVAS', name: 'Canvas tote', price_cents: 1500, stock: 300 },
];

async function main(): Promise<void> {
  const client = new Client({
    connectionString: process.env.E2E_DATABASE_URL ?? 'postgres://shop:shop@localhost:5432/shop_e2e',
  });
  await client.connect();
  try {
    const ddl = await readFile(join(__dirname, '..', 'tests', 'support', 'e2e-tables.sql'), 'utf8');
    await client.query('BEGIN');
    await client.query(ddl);
    await client.query('TRUNCATE products, cart_items, carts, orders RESTART IDENTITY CASCADE');
    for (const p of PRODUCTS) {
      await client.query('INSERT INTO products (sku, name, price_cents, stock) VALUES ($1, $2, $3, $4)', [
        p.sku,
        p.name,
        p.price_cents,
        p.stock,
      ]);
    }
    await client.query('COMMIT');
    console.log(`seeded ${PRODUCTS.length} products`);
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  } finally {
    await client.end();
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
