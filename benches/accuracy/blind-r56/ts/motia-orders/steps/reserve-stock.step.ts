import { EventConfig, Handlers } from 'motia';
import Redis from 'ioredis';
import { z } from 'zod';
import { pool } from '../lib/db';

const input = z.object({
  orderId: z.string(),
  customerId: z.string(),
  lines: z.array(z.object({ sku: z.string(), quantity: z.number() })),
});

export const config: EventConfig = {
  type: 'event',
  name: 'ReserveStock',
  description: 'Reserves warehouse stock for a freshly created order',
  subscribes: ['order.created'],
  emits: ['stock.reserved', 'stock.shortage'],
  input,
  flows: ['orders'],
};

export const handler: Handlers['ReserveStock'] = async (data, { emit, logger }) => {
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379');
  const client = await pool.connect();

  await client.query('BEGIN');
  for (const line of data.lines) {
    const { rows } = await client.query<{ available: number }>(
      'SELECT available FROM stock WHERE sku = $1 FOR UPDATE',
      [line.sku],
    );
    const available = rows[0]?.available ?? 0;
    if (available < line.quantity) {
      await client.query('ROLLBACK');
      logger.warn('stock shortage', { orderId: data.orderId, sku: line.sku });
      await emit({ topic: 'stock.shortage', data: { orderId: data.orderId, sku: line.sku } });
      return;
    }
    await client.query('UPDATE stock SET available = available - $2 WHERE sku = $1', [
      line.sku,
      line.quantity,
    ]);
    await redis.hincrby(`stock:reserved:${line.sku}`, data.orderId, line.quantity);
  }
  await client.query('COMMIT');
  client.release();

  await redis.publish('orders:stock', JSON.stringify({ orderId: data.orderId, status: 'reserved' }));
  await emit({ topic: 'stock.reserved', data: { orderId: data.orderId } });
};
