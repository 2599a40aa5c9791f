import {
  Context,
  dependency,
  Get,
  HttpResponseCreated,
  HttpResponseNotFound,
  HttpResponseOK,
  Post,
  ValidateBody,
  ValidatePathParam,
} from '@foal/core';
import { Cache, Database } from '../services';

interface OrderRow extends Record<string, unknown> {
  id: number;
  customer_id: number;
  status: string;
  total_cents: number;
}

export class OrdersController {
  @dependency
  db: Database;

  @dependency
  cache: Cache;

  @Get('/:id')
  @ValidatePathParam('id', { type: 'integer' })
  async getOrder(ctx: Context) {
    const id: number = ctx.request.params.id;
    const cached = await this.cache.getJson<OrderRow>(`order:${id}`);
    if (cached) return new HttpResponseOK(cached);

    const { rows } = await this.db.query<OrderRow>(
      'SELECT id, customer_id, status, total_cents FROM orders WHERE id = $1',
      [id],
    );
    if (rows.length === 0) return new HttpResponseNotFound();
    await this.cache.setJson(`order:${id}`, rows[0]);
    return new HttpResponseOK(rows[0]);
  }

  @Post('/')
  @ValidateBody({
    type: 'object',
    properties: {
      customerId: { type: 'integer' },
      lines: {
        type: 'array',
        minItems: 1,
        items: {
          type: 'object',
          properties: { sku: { type: 'string' }, qty: { type: 'integer', minimum: 1 } },
          required: ['sku', 'qty'],
        },
      },
    },
    required: ['customerId', 'lines'],
    additionalProperties: false,
  })
  async createOrder(ctx: Context) {
    const { customerId, lines } = ctx.request.body as {
      customerId: number;
      lines: { sku: string; qty: number }[];
    };

    const order = await this.db.transaction(async (client) => {
      const { rows } = await client.query<OrderRow>(
        `INSERT INTO orders (customer_id, status, total_cents) VALUES ($1, 'pending', 0) RETURNING *`,
        [customerId],
      );
      for (const line of lines) {
        await client.query(
          `INSERT INTO order_lines (order_id, sku, qty, unit_cents)
           SELECT $1, sku, $3, price_cents FROM products WHERE sku = $2`,
          [rows[0].id, line.sku, line.qty],
        );
      }
      const total = await client.query<OrderRow>(
        `UPDATE orders SET total_cents = (SELECT sum(qty * unit_cents) FROM order_lines WHERE order_id = $1)
         WHERE id = $1 RETURNING *`,
        [rows[0].id],
      );
      return total.rows[0];
    });

    return new HttpResponseCreated(order);
  }
}
