#!/usr/bin/env node
// One-off: creates the e2e schema before the first run on a fresh database.
const { Client } = require('pg');

async function main() {
  const client = new Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    await client.query(`
      CREATE TABLE IF NOT EXISTS products (id serial PRIMARY KEY, sku text UNIQUE, title text, price_cents int, stock int);
      CREATE TABLE IF NOT EXISTS carts (id serial PRIMARY KEY, email text);
      CREATE TABLE IF NOT EXISTS orders (id serial PRIMARY KEY, email text, status text);
      CREATE TABLE IF NOT EXISTS order_lines (order_id int REFERENCES orders(id), product_id int REFERENCES products(id), quantity int);
      CREATE TABLE IF NOT EXISTS e2e_failures (id serial PRIMARY KEY, test_title text, message text, at timestamptz DEFAULT now());
    `);
    console.log('e2e schema ready');
  } finally {
    await client.end();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
