import { setTimeout as sleep } from 'node:timers/promises';
import type { MongoClient, ResumeToken } from 'mongodb';
import { connectMongo } from '../db/connect';
import { handleOrderChange } from './handlers';

const MAX_ATTEMPTS = 10;

async function connectWithRetry(): Promise<MongoClient> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await connectMongo('shop-worker');
    } catch (err) {
      if (attempt >= MAX_ATTEMPTS) throw err;
      console.warn(`mongo not ready (attempt ${attempt}), retrying`);
      await sleep(Math.min(1000 * 2 ** attempt, 15_000));
    }
  }
}

async function main() {
  const client = await connectWithRetry();
  const db = client.db('shop');
  const checkpoints = db.collection<{ _id: string; token: ResumeToken }>('checkpoints');
  const saved = await checkpoints.findOne({ _id: 'orders-feed' });

  const stream = db.collection('orders').watch([], {
    fullDocument: 'updateLookup',
    resumeAfter: saved?.token,
  });
  process.once('SIGTERM', () => void stream.close());

  try {
    for await (const change of stream) {
      await handleOrderChange(db, change);
      await checkpoints.updateOne({ _id: 'orders-feed' }, { $set: { token: change._id } }, { upsert: true });
    }
  } finally {
    await client.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
