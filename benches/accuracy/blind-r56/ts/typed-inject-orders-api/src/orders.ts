import type pg from 'pg';
import type { Pool as HttpPool } from 'undici';
import { tokens } from 'typed-inject';

export interface OrderInput {
  customerId: string;
  items: { sku: string; qty: number }[];
  address: { country: string; postcode: string };
}

export class OrderRepository {
  static inject = tokens('db');
  constructor(private readonly db: pg.Pool) {}

  async create(input: OrderInput, shippingCents: number): Promise<string> {
    const client = await this.db.connect();
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<{ id: string }>(
        'INSERT INTO orders (customer_id, shipping_cents, country) VALUES ($1, $2, $3) RETURNING id',
        [input.customerId, shippingCents, input.address.country],
      );
      for (const item of input.items) {
        await client.query('INSERT INTO order_items (order_id, sku, qty) VALUES ($1, $2, $3)', [
          rows[0].id,
          item.sku,
          item.qty,
        ]);
      }
      await client.query('COMMIT');
      return rows[0].id;
    } catch (err) {
      await client.query('ROLLBACK');
      throw err;
    } finally {
      client.release();
    }
  }

  async find(id: string) {
    const { rows } = await this.db.query('SELECT * FROM orders WHERE id = $1', [id]);
    return rows[0] ?? null;
  }
}

// Transient: a new controller per request, holding only references to shared singletons.
export class OrderController {
  static inject = tokens('orders', 'shipping', 'requestId');
  constructor(
    private readonly orders: OrderRepository,
    private readonly shipping: HttpPool,
    private readonly requestId: string,
  ) {}

  async quote(input: OrderInput): Promise<number> {
    const { statusCode, body } = await this.shipping.request({
      method: 'POST',
      path: '/v1/quotes',
      headers: { 'content-type': 'application/json', 'x-request-id': this.requestId },
      body: JSON.stringify({ destination: input.address, parcels: input.items.length }),
    });
    if (statusCode !== 200) {
      await body.dump();
      throw new Error(`shipping quote failed: ${statusCode}`);
    }
    const quote = (await body.json()) as { cents: number };
    return quote.cents;
  }

  async place(input: OrderInput): Promise<{ id: string; shippingCents: number }> {
    const shippingCents = await this.quote(input);
    const id = await this.orders.create(input, shippingCents);
    return { id, shippingCents };
  }

  get(id: string) {
    return this.orders.find(id);
  }
}
