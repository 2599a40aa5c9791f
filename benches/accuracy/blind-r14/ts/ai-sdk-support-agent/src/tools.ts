import { tool } from 'ai';
import { z } from 'zod';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { pool, withTransaction } from './db.js';

export const lookupOrder = tool({
  description: 'Look up an order by its order number and return status, total and items.',
  parameters: z.object({ orderNumber: z.string().regex(/^SO-\d{6}$/) }),
  execute: async ({ orderNumber }) => {
    const client = await pool.connect();
    const { rows } = await client.query(
      `SELECT o.order_number, o.status, o.total_cents, o.customer_email,
              json_agg(json_build_object('sku', i.sku, 'qty', i.quantity)) AS items
         FROM orders o JOIN order_items i ON i.order_id = o.id
        WHERE o.order_number = $1
        GROUP BY o.id`,
      [orderNumber],
    );
    client.release();
    return rows[0] ?? { error: `no order ${orderNumber}` };
  },
});

export const trackShipment = tool({
  description: 'Get the latest carrier tracking event for an order.',
  parameters: z.object({ orderNumber: z.string() }),
  execute: async ({ orderNumber }) => {
    const ddb = DynamoDBDocumentClient.from(new DynamoDBClient({ region: process.env.AWS_REGION }));
    const { Item } = await ddb.send(
      new GetCommand({ TableName: process.env.SHIPMENTS_TABLE, Key: { orderNumber } }),
    );
    if (!Item) return { status: 'not shipped yet' };
    return { carrier: Item.carrier, trackingNumber: Item.trackingNumber, lastEvent: Item.lastEvent };
  },
});

export const issueRefund = tool({
  description: 'Refund an order (partially or fully). Only use after the customer confirmed.',
  parameters: z.object({
    orderNumber: z.string(),
    amountCents: z.number().int().positive(),
    reason: z.string().max(200),
  }),
  execute: async ({ orderNumber, amountCents, reason }) =>
    withTransaction(async (client) => {
      const { rows } = await client.query(
        'SELECT id, total_cents, refunded_cents FROM orders WHERE order_number = $1 FOR UPDATE',
        [orderNumber],
      );
      const order = rows[0];
      if (!order) return { ok: false, error: 'unknown order' };
      if (order.refunded_cents + amountCents > order.total_cents) {
        return { ok: false, error: 'refund exceeds order total' };
      }
      await client.query('UPDATE orders SET refunded_cents = refunded_cents + $1 WHERE id = $2', [
        amountCents,
        order.id,
      ]);
      await client.query('INSERT INTO refunds (order_id, amount_cents, reason) VALUES ($1, $2, $3)', [
        order.id,
        amountCents,
        reason,
      ]);
      return { ok: true };
    }),
});

export const supportTools = { lookupOrder, trackShipment, issueRefund };
