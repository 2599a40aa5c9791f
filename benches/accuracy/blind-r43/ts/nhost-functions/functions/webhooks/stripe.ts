import type { Request, Response } from 'express';
import Stripe from 'stripe';
import { getPool } from '../_utils/db';

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY ?? '', { apiVersion: '2024-09-30.acacia' });

export default async (req: Request, res: Response) => {
  let event: Stripe.Event;
  try {
    const raw = typeof req.body === 'string' ? req.body : JSON.stringify(req.body);
    event = stripe.webhooks.constructEvent(raw, req.headers['stripe-signature'] as string, process.env.STRIPE_WEBHOOK_SECRET ?? '');
  } catch {
    return res.status(400).send('bad signature');
  }

  if (event.type !== 'checkout.session.completed') return res.json({ ignored: event.type });
  const session = event.data.object;
  const orderId = session.metadata?.order_id;
  if (!orderId) return res.json({ ignored: 'no order id' });

  const client = await getPool().connect();
  try {
    await client.query('BEGIN');
    const { rowCount } = await client.query(
      `UPDATE orders SET status = 'paid', paid_at = now(), stripe_session = $2 WHERE id = $1 AND status = 'pending'`,
      [orderId, session.id],
    );
    if (rowCount) {
      await client.query(
        `INSERT INTO kitchen_tickets (order_id, created_at) VALUES ($1, now()) ON CONFLICT (order_id) DO NOTHING`,
        [orderId],
      );
    }
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  } finally {
    client.release();
  }
  return res.json({ received: true });
};
