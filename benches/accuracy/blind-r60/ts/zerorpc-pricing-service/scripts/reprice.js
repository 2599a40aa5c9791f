#!/usr/bin/env node
'use strict';
// One-off: apply a percentage change to a product family. Run by hand, then exits.
const { Client } = require('pg');

async function main() {
  const [family, pct] = process.argv.slice(2);
  if (!family || !pct) {
    console.error('usage: reprice <family> <percent>');
    process.exit(2);
  }
  const client = new Client({ connectionString: process.env.PRICING_DATABASE_URL });
  await client.connect();
  try {
    const res = await client.query(
      'UPDATE products SET base_price_eur = round(base_price_eur * (1 + $2::numeric / 100), 2) WHERE family = $1',
      [family, pct],
    );
    console.log(`repriced ${res.rowCount} products in ${family}`);
  } finally {
    await client.end();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
