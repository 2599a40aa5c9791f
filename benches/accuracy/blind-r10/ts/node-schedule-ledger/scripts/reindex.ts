import { MongoClient } from 'mongodb';

async function run() {
  const client = new MongoClient(process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017/ledger');
  try {
    await client.connect();
    const db = client.db();
    await db.collection('entries').createIndex({ postedAt: 1, account: 1 });
    await db.collection('hourly_totals').createIndex({ account: 1, hour: 1 }, { unique: true });
    await db.collection('fx_rates').createIndex({ fetchedAt: -1 });
    const stale = await db.collection('hourly_totals').deleteMany({ computedAt: { $exists: false } });
    console.log(`indexes ensured, removed ${stale.deletedCount} stale totals`);
  } finally {
    await client.close();
  }
}

run().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
