'use strict';

const { getPool } = require('../lib/db');

async function main(params) {
  const id = params.id || (params.__ow_path || '').split('/').pop();
  if (!id) {
    return { statusCode: 400, body: { error: 'id is required' } };
  }
  const conn = await getPool(params).getConnection();
  try {
    const [rows] = await conn.execute(
      'SELECT id, customer_id, status, total_cents, updated_at FROM orders WHERE id = ?',
      [id],
    );
    if (rows.length === 0) {
      return { statusCode: 404, body: { error: 'not found' } };
    }
    const [lines] = await conn.execute('SELECT sku, qty, price_cents FROM order_lines WHERE order_id = ?', [id]);
    return { statusCode: 200, body: { ...rows[0], lines } };
  } finally {
    conn.release();
  }
}

exports.main = main;
