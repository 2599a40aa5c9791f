// One-off: `npm run seed` against a fresh local Nhost stack.
import { Client } from 'pg';

const products = [
  { name: 'Sourdough loaf', price_cents: 650 },
  { name: 'Cardamom bun', price_cents: 375 },
  { name: 'Rye crispbread', price_cents: 420 },
];

async function main(): Promise<void> {
  const client = new Client({ connectionString: process.env.NHOST_DB_URL ?? 'postgres://postgres:postgres@localhost:5432/postgres' });
  await client.connect();
  try {
    for (const p of products) {
      await client.query(
        'INSERT INTO products (name, price_cents) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET price_cents = EXCLUDED.price_cents',
        [p.name, p.price_cents],
      );
    }
    console.log(`seeded ${products.length} products`);
  } finally {
    await client.end();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
