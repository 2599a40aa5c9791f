import arc from '@architect/functions';
import { withClient } from '@architect/shared/db.mjs';

async function createOrder(req) {
  const { customerId, lines } = req.body ?? {};
  if (!customerId || !Array.isArray(lines) || lines.length === 0) {
    return { status: 400, json: { error: 'customerId and lines are required' } };
  }

  const orderId = await withClient(async (client) => {
    await client.query('begin');
    try {
      const { rows } = await client.query(
        "insert into orders (customer_id, status, total_cents) values ($1, 'placed', $2) returning id",
        [customerId, lines.reduce((sum, l) => sum + l.qty * l.priceCents, 0)]
      );
      for (const l of lines) {
        await client.query(
          'insert into order_lines (order_id, sku, qty, price_cents) values ($1, $2, $3, $4)',
          [rows[0].id, l.sku, l.qty, l.priceCents]
        );
      }
      await client.query('commit');
      return rows[0].id;
    } catch (err) {
      await client.query('rollback');
      throw err;
    }
  });

  await arc.events.publish({ name: 'order-placed', payload: { orderId, customerId } });
  return { status: 201, json: { id: orderId } };
}

export const handler = arc.http(createOrder);
