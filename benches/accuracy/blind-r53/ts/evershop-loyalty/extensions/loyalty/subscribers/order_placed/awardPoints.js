import { select } from '@evershop/postgres-query-builder';
import { pool } from '@evershop/evershop/src/lib/postgres/connection.js';
import { getConfig } from '@evershop/evershop/src/lib/util/getConfig.js';

/**
 * Runs for every `order_placed` event. `data` is the order row.
 * Guests (no customer_id) earn nothing.
 */
export default async function awardPoints(data) {
  if (!data || !data.customer_id) return;

  const order = await select('order_id', 'customer_id', 'grand_total', 'payment_status')
    .from('order')
    .where('order_id', '=', data.order_id)
    .load(pool);
  if (!order || order.payment_status === 'failed') return;

  const rate = Number(getConfig('loyalty.pointsPerEuro', 10));
  const points = Math.floor(Number(order.grand_total) * rate);
  if (points <= 0) return;

  // One statement: the ledger row is unique per (order, reason), so a
  // re-delivered event does not double-award, and the balance only moves
  // when the ledger insert actually happened.
  const { rows } = await pool.query(
    `WITH tx AS (
       INSERT INTO loyalty_point_tx (customer_id, order_id, points, reason)
       VALUES ($1, $2, $3, 'order_placed')
       ON CONFLICT (order_id, reason) DO NOTHING
       RETURNING customer_id, points
     )
     INSERT INTO loyalty_balance (customer_id, points)
     SELECT customer_id, points FROM tx
     ON CONFLICT (customer_id) DO UPDATE
       SET points = loyalty_balance.points + EXCLUDED.points, updated_at = now()
     RETURNING points`,
    [order.customer_id, order.order_id, points],
  );

  if (rows.length) {
    console.log(`[loyalty] +${points} points for customer ${order.customer_id} (balance ${rows[0].points})`);
  }
}
