import { Pool } from 'pg';

// refunds need their own statement_timeout, so this module keeps its own pool
const refundsPool = new Pool({
  connectionString: process.env.SHOP_DATABASE_URL,
  max: 5,
  statement_timeout: 5000,
  application_name: 'keybase-shop-bot-refunds',
});

export async function issueRefund(orderNumber: string, amountCents: number, agent: string): Promise<string> {
  const client = await refundsPool.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query<{ id: number; paid_cents: number; refunded_cents: number }>(
      'SELECT id, paid_cents, refunded_cents FROM orders WHERE order_number = $1 FOR UPDATE',
      [orderNumber],
    );
    if (rows.length === 0) {
      await client.query('ROLLBACK');
      return `No order ${orderNumber}.`;
    }
    const order = rows[0];
    if (order.refunded_cents + amountCents > order.paid_cents) {
      await client.query('ROLLBACK');
      return `Refund would exceed the paid amount (${order.paid_cents - order.refunded_cents} cents left).`;
    }
    await client.query('UPDATE orders SET refunded_cents = refunded_cents + $2 WHERE id = $1', [order.id, amountCents]);
    await client.query('INSERT INTO refunds (order_id, amount_cents, requested_by) VALUES ($1, $2, $3)', [
      order.id,
      amountCents,
      agent,
    ]);
    await client.query('COMMIT');
    return `Refunded ${(amountCents / 100).toFixed(2)} on ${orderNumber}.`;
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  } finally {
    client.release();
  }
}
