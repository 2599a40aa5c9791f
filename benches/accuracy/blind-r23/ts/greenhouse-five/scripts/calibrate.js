'use strict';

// One-off: `npm run calibrate -- gh-north 0.18 0.83`
// Stores dry/wet soil-probe calibration points for a greenhouse and exits.

const { MongoClient } = require('mongodb');
const { MONGO_URL } = require('../src/clients');

async function run() {
  const [greenhouseId, dry, wet] = process.argv.slice(2);
  if (!greenhouseId || dry === undefined || wet === undefined) {
    console.error('usage: calibrate <greenhouseId> <dryReading> <wetReading>');
    process.exit(2);
  }

  const client = new MongoClient(MONGO_URL);
  try {
    await client.connect();
    const res = await client
      .db('greenhouse')
      .collection('calibration')
      .updateOne(
        { greenhouseId, probe: 'soil-A0' },
        { $set: { dry: Number(dry), wet: Number(wet), updatedAt: new Date() } },
        { upsert: true },
      );
    console.log(res.upsertedCount ? 'calibration created' : 'calibration updated');
  } finally {
    await client.close();
  }
}

run().catch((err) => {
  console.error(err);
  process.exit(1);
});
