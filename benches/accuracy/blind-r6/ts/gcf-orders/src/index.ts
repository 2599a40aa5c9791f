import * as functions from '@google-cloud/functions-framework';
import { PubSub } from '@google-cloud/pubsub';
import { randomUUID } from 'node:crypto';
import { LineItem, markPaid, pool, reserveStock } from './db';

interface PaymentEvent {
  orderId: string;
  paymentId: string;
  amountCents: number;
}

const ordersTopic = new PubSub().topic('orders-created');

functions.http('createOrder', async (req, res) => {
  const items = (req.body?.items ?? []) as LineItem[];
  if (!Array.isArray(items) || items.length === 0) {
    res.status(400).json({ error: 'items required' });
    return;
  }

  const orderId = randomUUID();
  await pool.query("insert into orders (id, customer_id, status) values ($1, $2, 'pending')", [
    orderId,
    req.body.customerId,
  ]);

  try {
    await reserveStock(orderId, items);
  } catch (err) {
    await pool.query("update orders set status = 'rejected' where id = $1", [orderId]);
    res.status(409).json({ error: (err as Error).message });
    return;
  }

  await ordersTopic.publishMessage({ json: { orderId, items } });
  res.status(201).json({ orderId });
});

functions.cloudEvent<{ message: { data: string } }>('settlePayment', async (event) => {
  const payload = JSON.parse(
    Buffer.from(event.data!.message.data, 'base64').toString('utf8'),
  ) as PaymentEvent;

  const updated = await markPaid(payload.orderId, payload.paymentId);
  if (!updated) {
    console.warn('order not pending, skipping', payload.orderId);
    return;
  }

  const pubsub = new PubSub({ projectId: process.env.GOOGLE_CLOUD_PROJECT });
  await pubsub
    .topic('orders-paid')
    .publishMessage({ json: { orderId: payload.orderId, amountCents: payload.amountCents } });
});
