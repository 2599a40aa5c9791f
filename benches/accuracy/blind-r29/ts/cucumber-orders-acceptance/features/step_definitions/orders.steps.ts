import { Given, When, Then } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import type { OrdersWorld } from '../support/world';

Given('a product {string} with {int} units in stock', async function (this: OrdersWorld, sku: string, qty: number) {
  await this.db!.query(
    `INSERT INTO products (sku, name, price_cents) VALUES ($1, $1, 1000)
     ON CONFLICT (sku) DO NOTHING`,
    [sku],
  );
  await this.db!.query(
    `INSERT INTO stock (sku, on_hand) VALUES ($1, $2)
     ON CONFLICT (sku) DO UPDATE SET on_hand = EXCLUDED.on_hand`,
    [sku, qty],
  );
  this.seededSkus.push(sku);
});

Given('a customer {string}', async function (this: OrdersWorld, email: string) {
  const { rows } = await this.db!.query<{ id: string }>(
    `INSERT INTO customers (email) VALUES ($1)
     ON CONFLICT (email) DO UPDATE SET email = EXCLUDED.email
     RETURNING id`,
    [email],
  );
  this.customerId = rows[0].id;
});

When('the customer orders {int} of {string}', async function (this: OrdersWorld, qty: number, sku: string) {
  await this.api('POST', '/orders', { customerId: this.customerId, lines: [{ sku, qty }] });
});

Then('the response status is {int}', function (this: OrdersWorld, status: number) {
  assert.equal(this.lastStatus, status, JSON.stringify(this.lastBody));
});

Then('{string} has {int} units in stock', async function (this: OrdersWorld, sku: string, qty: number) {
  const { rows } = await this.db!.query<{ on_hand: number }>('SELECT on_hand FROM stock WHERE sku = $1', [sku]);
  assert.equal(rows[0]?.on_hand, qty);
});

Then('an {string} event was published', async function (this: OrdersWorld, type: string) {
  const entries = await this.redis.xrange('events:orders', `(${this.streamMark}`, '+');
  const types = entries.map(([, fields]) => fields[fields.indexOf('type') + 1]);
  assert.ok(types.includes(type), `expected ${type} in ${types.join(', ')}`);
});
