'use strict';
const { Pool } = require('pg');
const { signedUrl } = require('./lib/obs');

let pool;

// FunctionGraph initializer: runs once when a function instance starts,
// before it serves its first invocation.
exports.initializer = function (context, callback) {
  pool = new Pool({
    connectionString: context.getUserData('BILLING_DATABASE_URL'),
    max: 2,
    idleTimeoutMillis: 120000,
  });
  pool
    .query('SELECT 1')
    .then(() => callback(null, ''))
    .catch((err) => callback(err, ''));
};

function json(statusCode, body) {
  return {
    statusCode,
    isBase64Encoded: false,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  };
}

// One invocation per API Gateway request.
exports.handler = async (event, context) => {
  const log = context.getLogger();
  const invoiceId = (event.pathParameters && event.pathParameters.id) || '';
  const customer = event.headers && event.headers['x-customer-id'];
  if (!/^[0-9]+$/.test(invoiceId) || !customer) return json(400, { error: 'bad request' });

  const client = await pool.connect();
  try {
    const { rows } = await client.query(
      'SELECT id, object_key, downloaded_at FROM invoices WHERE id = $1 AND customer_id = $2',
      [invoiceId, customer],
    );
    if (!rows.length) return json(404, { error: 'not found' });

    await client.query('BEGIN');
    await client.query('UPDATE invoices SET downloaded_at = coalesce(downloaded_at, now()) WHERE id = $1', [invoiceId]);
    await client.query('INSERT INTO invoice_access_log (invoice_id, customer_id, at) VALUES ($1, $2, now())', [
      invoiceId,
      customer,
    ]);
    await client.query('COMMIT');

    const url = signedUrl(context, context.getUserData('INVOICE_BUCKET'), rows[0].object_key);
    log.info(`invoice ${invoiceId} link issued`);
    return json(200, { url, firstDownload: !rows[0].downloaded_at });
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    log.error(`invoice ${invoiceId} failed: ${err.message}`);
    return json(500, { error: 'internal' });
  } finally {
    client.release();
  }
};
