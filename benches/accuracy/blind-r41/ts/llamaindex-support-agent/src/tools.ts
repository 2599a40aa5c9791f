import { FunctionTool } from 'llamaindex';
import type pg from 'pg';
import type { Redis } from 'ioredis';

export interface ToolDeps {
  pool: pg.Pool;
  redis: Redis;
}

// Called once from main(); the tool closures run on every tool call the model makes.
export function makeTools({ pool, redis }: ToolDeps, customerId: () => string) {
  const lookupOrder = FunctionTool.from(
    async ({ orderNo }: { orderNo: string }) => {
      const { rows } = await pool.query(
        `SELECT order_no, status, carrier, tracking_no, placed_at, total_cents, currency
           FROM orders WHERE order_no = $1 AND customer_id = $2`,
        [orderNo, customerId()],
      );
      return rows[0] ? JSON.stringify(rows[0]) : `No order ${orderNo} for this customer.`;
    },
    {
      name: 'lookup_order',
      description: 'Look up status, carrier and tracking number of one of the customer\'s orders.',
      parameters: {
        type: 'object',
        properties: { orderNo: { type: 'string', description: 'Order number, e.g. A-10234' } },
        required: ['orderNo'],
      },
    },
  );

  const openTicket = FunctionTool.from(
    async ({ subject, body, orderNo }: { subject: string; body: string; orderNo?: string }) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const { rows } = await client.query<{ id: number }>(
          `INSERT INTO tickets (customer_id, order_no, subject, body, source) VALUES ($1, $2, $3, $4, 'agent') RETURNING id`,
          [customerId(), orderNo ?? null, subject, body],
        );
        await client.query("INSERT INTO ticket_events (ticket_id, kind) VALUES ($1, 'opened')", [rows[0].id]);
        await client.query('COMMIT');
        return `Opened ticket #${rows[0].id}.`;
      } catch (err) {
        await client.query('ROLLBACK');
        throw err;
      } finally {
        client.release();
      }
    },
    {
      name: 'open_ticket',
      description: 'Open a support ticket for a human agent when the issue cannot be solved in chat.',
      parameters: {
        type: 'object',
        properties: {
          subject: { type: 'string' },
          body: { type: 'string' },
          orderNo: { type: 'string' },
        },
        required: ['subject', 'body'],
      },
    },
  );

  const shippingFaq = FunctionTool.from(
    async ({ country }: { country: string }) => {
      const cached = await redis.get(`faq:shipping:${country.toUpperCase()}`);
      return cached ?? 'Standard shipping takes 3-5 business days; express 1-2.';
    },
    {
      name: 'shipping_policy',
      description: 'Shipping times and costs for a destination country (ISO code).',
      parameters: { type: 'object', properties: { country: { type: 'string' } }, required: ['country'] },
    },
  );

  return [lookupOrder, openTicket, shippingFaq];
}
