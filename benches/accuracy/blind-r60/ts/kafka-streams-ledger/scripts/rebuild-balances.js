#!/usr/bin/env node
'use strict';
// One-off: recompute every balance from ledger_entries (after a bad deploy).
const { Client } = require('pg');

async function main() {
  const client = new Client({ connectionString: process.env.LEDGER_DATABASE_URL, application_name: 'ledger-rebuild' });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query('TRUNCATE balances');
    const res = await client.query(
      `INSERT INTO balances (account_id, balance_cents)
       SELECT account_id, SUM(amount_cents) FROM ledger_entries GROUP BY account_id`,
    );
    await client.query('COMMIT');
    console.log(`rebuilt ${res.rowCount} balances`);
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  } finally {
    await client.end();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
