'use strict';
const { KafkaStreams } = require('kafka-streams');
const { createPool } = require('./db');
const config = require('./kafka-config');

const pool = createPool('worker');
const kafkaStreams = new KafkaStreams(config);
kafkaStreams.on('error', (err) => console.error('kafka-streams error', err));

// Called for every ledger entry on the topic.
async function applyEntry(entry) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const inserted = await client.query(
      `INSERT INTO ledger_entries (entry_id, account_id, amount_cents, booked_at)
       VALUES ($1, $2, $3, $4) ON CONFLICT (entry_id) DO NOTHING`,
      [entry.entryId, entry.accountId, entry.amountCents, entry.bookedAt],
    );
    if (inserted.rowCount === 1) {
      await client.query(
        `INSERT INTO balances (account_id, balance_cents) VALUES ($1, $2)
         ON CONFLICT (account_id) DO UPDATE SET balance_cents = balances.balance_cents + EXCLUDED.balance_cents`,
        [entry.accountId, entry.amountCents],
      );
    }
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  } finally {
    client.release();
  }
}

const stream = kafkaStreams.getKStream('ledger.entries');
stream
  .mapJSONConvenience()
  .filter((message) => message.value && message.value.entryId && message.value.accountId)
  .forEach((message) => {
    applyEntry(message.value).catch((err) => console.error(`entry ${message.value.entryId} failed`, err));
  });

stream.start().then(
  () => console.log('ledger worker consuming ledger.entries'),
  (err) => {
    console.error('could not start stream', err);
    process.exit(1);
  },
);

async function shutdown() {
  await kafkaStreams.closeAll();
  await pool.end();
  process.exit(0);
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
