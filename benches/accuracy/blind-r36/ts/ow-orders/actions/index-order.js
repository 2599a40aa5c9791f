'use strict';

const { getPool } = require('../lib/db');
const { getSearch } = require('../lib/search');

// Fired by the order-updated trigger (one activation per batch of messages).
async function main(params) {
  const ids = (params.messages || []).map((m) => JSON.parse(m.value).orderId);
  if (ids.length === 0) return { indexed: 0 };

  const [rows] = await getPool(params).query(
    'SELECT id, customer_id, status, total_cents, updated_at FROM orders WHERE id IN (?)',
    [ids],
  );
  const es = getSearch(params);
  const operations = rows.flatMap((row) => [{ index: { _index: 'orders', _id: String(row.id) } }, row]);
  const result = await es.bulk({ operations, refresh: false });
  return { indexed: rows.length, errors: result.errors };
}

exports.main = main;
