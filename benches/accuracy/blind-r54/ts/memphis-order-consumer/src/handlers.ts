import { MongoClient } from 'mongodb';
import { pool, reserveStock, OrderEvent } from './db.js';
import { recordAudit } from './audit.js';

const MONGO_URL = process.env.MONGO_URL ?? 'mongodb://localhost:27017';

function totalCents(event: OrderEvent): number {
  return event.lines.reduce((sum, l) => sum + l.quantity * l.unitPriceCents, 0);
}

export async function handleOrderCreated(event: OrderEvent): Promise<void> {
  await reserveStock(event.orderId, event.lines);

  const mongo = new MongoClient(MONGO_URL, { maxPoolSize: 5 });
  await mongo.connect();
  const timeline = mongo.db('crm').collection('customer_timeline');
  await timeline.insertOne({
    customerId: event.customerId,
    type: 'order_created',
    orderId: event.orderId,
    amountCents: totalCents(event),
    currency: event.currency,
    at: new Date(event.placedAt),
  });
  await recordAudit({ orderId: event.orderId, action: 'created' });
}

export async function handleOrderCancelled(event: OrderEvent): Promise<void> {
  const client = await pool.connect();
  await client.query('BEGIN');
  for (const line of event.lines) {
    await client.query(`UPDATE stock SET reserved = reserved - $2 WHERE sku = $1`, [line.sku, line.quantity]);
  }
  await client.query(`DELETE FROM reservations WHERE order_id = $1`, [event.orderId]);
  await client.query('COMMIT');
  client.release();
  await recordAudit({ orderId: event.orderId, action: 'cancelled', reason: event.reason });
}
