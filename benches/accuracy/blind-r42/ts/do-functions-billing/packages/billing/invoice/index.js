'use strict';

const { Pool } = require('pg');
const { MongoClient } = require('mongodb');

function monthRange(period) {
  const [y, m] = period.split('-').map(Number);
  const start = new Date(Date.UTC(y, m - 1, 1));
  const end = new Date(Date.UTC(y, m, 1));
  return { start, end };
}

// POST /billing/invoice { account_id, period: "2024-10" }
async function main(args) {
  const { account_id: accountId, period } = args;
  if (!accountId || !/^\d{4}-\d{2}$/.test(period || '')) {
    return { statusCode: 400, body: { error: 'account_id and period (YYYY-MM) are required' } };
  }

  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
  const mongo = new MongoClient(process.env.MONGO_URL);
  try {
    const { start, end } = monthRange(period);
    const { rows } = await pool.query(
      `SELECT meter, sum(quantity)::float8 AS quantity, max(unit_price_cents) AS unit_price_cents
         FROM usage_events
        WHERE account_id = $1 AND recorded_at >= $2 AND recorded_at < $3
        GROUP BY meter ORDER BY meter`,
      [accountId, start, end]
    );
    const lines = rows.map((r) => ({
      meter: r.meter,
      quantity: r.quantity,
      amountCents: Math.round(r.quantity * r.unit_price_cents),
    }));
    const totalCents = lines.reduce((sum, l) => sum + l.amountCents, 0);

    await mongo.connect();
    const invoices = mongo.db('billing').collection('invoices');
    const result = await invoices.findOneAndUpdate(
      { accountId, period },
      { $set: { lines, totalCents, issuedAt: new Date() } },
      { upsert: true, returnDocument: 'after' }
    );

    return { statusCode: 200, body: { invoiceId: String(result._id), totalCents, lines } };
  } finally {
    await Promise.allSettled([pool.end(), mongo.close()]);
  }
}

exports.main = main;
