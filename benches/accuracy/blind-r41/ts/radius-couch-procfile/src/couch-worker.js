import Nano from 'nano';
import { createPool } from './lib/db.js';

const pool = await createPool('couch-sync', { max: 4 });
const nano = Nano(process.env.COUCHDB_URL ?? 'http://admin:admin@localhost:5984');
const inventory = nano.use('cpe_inventory');

async function lastSeq() {
  const { rows } = await pool.query("SELECT value FROM sync_state WHERE key = 'couch_seq'");
  return rows[0]?.value ?? 'now';
}

async function applyChange(change) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    if (change.deleted) {
      await client.query('UPDATE cpe_devices SET deleted = true, couch_rev = $2 WHERE serial = $1', [
        change.id,
        change.changes[0].rev,
      ]);
    } else {
      const doc = change.doc;
      await client.query(
        `INSERT INTO cpe_devices (serial, username, model, firmware, couch_rev) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (serial) DO UPDATE SET username = EXCLUDED.username, model = EXCLUDED.model,
           firmware = EXCLUDED.firmware, couch_rev = EXCLUDED.couch_rev, deleted = false`,
        [doc._id, doc.pppoeUser ?? null, doc.model ?? null, doc.firmware ?? null, doc._rev],
      );
    }
    await client.query(
      "INSERT INTO sync_state (key, value) VALUES ('couch_seq', $1) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
      [change.seq],
    );
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  } finally {
    client.release();
  }
}

const since = await lastSeq();
console.info(`following cpe_inventory changes since ${since}`);

let chain = Promise.resolve();
inventory.changesReader
  .start({ since, includeDocs: true, batchSize: 200 })
  .on('change', (change) => {
    if (change.id.startsWith('_design/')) return;
    chain = chain.then(() => applyChange(change)).catch((err) => console.error(`change ${change.id} failed`, err));
  })
  .on('error', (err) => console.error('changes feed error', err));

process.on('SIGTERM', async () => {
  inventory.changesReader.stop();
  await chain;
  await pool.end();
  process.exit(0);
});
