const { Pool: HttpPool } = require('undici');
const { pool } = require('./db');

Parse.Cloud.define(
  'placeOrder',
  async (request) => {
    const { sku, qty } = request.params;
    const user = request.user;

    const client = await pool.connect();
    await client.query('BEGIN');
    const { rows } = await client.query('SELECT stock FROM inventory WHERE sku = $1 FOR UPDATE', [sku]);
    if (!rows.length || rows[0].stock < qty) {
      await client.query('ROLLBACK');
      throw new Parse.Error(Parse.Error.VALIDATION_ERROR, `not enough stock for ${sku}`);
    }
    await client.query('UPDATE inventory SET stock = stock - $2 WHERE sku = $1', [sku, qty]);
    const inserted = await client.query(
      'INSERT INTO orders (user_id, sku, qty) VALUES ($1, $2, $3) RETURNING id',
      [user.id, sku, qty],
    );
    await client.query('COMMIT');
    client.release();

    return { orderId: inserted.rows[0].id };
  },
  { requireUser: true, fields: ['sku', 'qty'] },
);

Parse.Cloud.define('shippingQuote', async (request) => {
  const { postcode, weightGrams } = request.params;
  const carrier = new HttpPool(process.env.CARRIER_API_ORIGIN, { connections: 8 });
  const { statusCode, body } = await carrier.request({
    path: `/v2/quotes?postcode=${encodeURIComponent(postcode)}&weight=${weightGrams}`,
    method: 'GET',
    headers: { authorization: `Bearer ${process.env.CARRIER_TOKEN}` },
  });
  if (statusCode !== 200) {
    throw new Parse.Error(Parse.Error.SCRIPT_FAILED, 'carrier unavailable');
  }
  return body.json();
});

Parse.Cloud.define('orderHistory', async (request) => {
  const { rows } = await pool.query(
    'SELECT id, sku, qty, created_at FROM orders WHERE user_id = $1 ORDER BY created_at DESC LIMIT 50',
    [request.user.id],
  );
  return rows;
}, { requireUser: true });
