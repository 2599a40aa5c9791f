'use strict';

const { pool } = require('../lib/pg');

async function cancel([orderNo], userProfile) {
  if (!orderNo) {
    return 'Usage: cancel <order number>';
  }
  const client = await pool.connect();
  await client.query('BEGIN');
  const { rows } = await client.query(
    `SELECT id, status FROM orders
      WHERE order_no = $1 AND viber_id = $2
      FOR UPDATE`,
    [orderNo, userProfile.id],
  );
  if (rows.length === 0) {
    await client.query('ROLLBACK');
    return `Order ${orderNo} was not found on your account.`;
  }
  if (rows[0].status !== 'pending') {
    await client.query('ROLLBACK');
    return `Order ${orderNo} is already ${rows[0].status} and can no longer be cancelled.`;
  }
  await client.query("UPDATE orders SET status = 'cancelled', cancelled_at = now() WHERE id = $1", [rows[0].id]);
  await client.query(
    "INSERT INTO order_events (order_id, kind, source) VALUES ($1, 'cancelled', 'viber')",
    [rows[0].id],
  );
  await client.query('COMMIT');
  client.release();
  return `Order ${orderNo} has been cancelled. The refund will follow in 3-5 days.`;
}

module.exports = { cancel };
