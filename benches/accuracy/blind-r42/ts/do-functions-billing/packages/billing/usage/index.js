'use strict';

const { Pool } = require('pg');

// Created once per warm container and reused across invocations.
const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 2, idleTimeoutMillis: 10000 });

const METERS = new Set(['api_calls', 'storage_gb_hours', 'egress_gb']);

// POST /billing/usage { account_id, meter, quantity }
async function main(args) {
  const { account_id: accountId, meter } = args;
  const quantity = Number(args.quantity);
  if (!METERS.has(meter) || !Number.isFinite(quantity) || quantity <= 0) {
    return { statusCode: 400, body: { error: 'unknown meter or bad quantity' } };
  }

  const client = await pool.connect();
  const account = await client.query(
    'SELECT id, price_plan, suspended FROM accounts WHERE id = $1',
    [accountId]
  );
  if (account.rowCount === 0) {
    return { statusCode: 404, body: { error: 'no such account' } };
  }
  if (account.rows[0].suspended) {
    client.release();
    return { statusCode: 402, body: { error: 'account suspended' } };
  }

  try {
    await client.query(
      `INSERT INTO usage_events (account_id, meter, quantity, unit_price_cents, recorded_at)
       SELECT $1, $2, $3, p.unit_price_cents, now()
         FROM plan_prices p WHERE p.plan = $4 AND p.meter = $2`,
      [accountId, meter, quantity, account.rows[0].price_plan]
    );
    return { statusCode: 202, body: { accepted: true } };
  } finally {
    client.release();
  }
}

exports.main = main;
