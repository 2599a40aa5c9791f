'use strict';
const fdk = require('@fnproject/fdk');
const { Agent, request } = require('undici');
const { getPool, closePool } = require('./db');

const webhookAgent = new Agent({ keepAliveTimeout: 30_000, connections: 8 });

async function notifyCarrier(order) {
  if (!process.env.CARRIER_WEBHOOK_URL) return;
  const { statusCode, body } = await request(process.env.CARRIER_WEBHOOK_URL, {
    method: 'POST',
    dispatcher: webhookAgent,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ orderId: order.ORDER_ID, status: order.STATUS }),
  });
  await body.dump();
  if (statusCode >= 300) throw new Error(`carrier webhook returned ${statusCode}`);
}

fdk.handle(async function orderStatus(input, ctx) {
  const orderId = Number(input && input.orderId);
  if (!Number.isInteger(orderId)) {
    ctx.setResponseHeader('Fn-Http-Status', '400');
    return { error: 'orderId is required' };
  }

  const pool = await getPool();
  const conn = await pool.getConnection();
  try {
    const result = await conn.execute(
      `SELECT order_id, status, updated_at FROM orders WHERE order_id = :id`,
      { id: orderId },
    );
    const order = result.rows[0];
    if (!order) {
      ctx.setResponseHeader('Fn-Http-Status', '404');
      return { error: 'not found' };
    }
    if (input.notify) await notifyCarrier(order);
    return { orderId: order.ORDER_ID, status: order.STATUS, updatedAt: order.UPDATED_AT };
  } finally {
    await conn.close();
  }
});

process.once('SIGTERM', () => {
  closePool()
    .catch(() => {})
    .finally(() => process.exit(0));
});
