import { NativeConnection, Worker } from '@temporalio/worker';
import { MongoClient } from 'mongodb';
import { setTimeout as sleep } from 'node:timers/promises';
import { Pool } from 'undici';
import { createActivities } from './activities';

const MAX_ATTEMPTS = 10;

async function connectMongo(uri: string): Promise<MongoClient> {
  // Mongo can come up after the worker in docker-compose; retry a few times before giving up.
  for (let attempt = 1; ; attempt++) {
    const client = new MongoClient(uri, { maxPoolSize: 10 });
    try {
      await client.connect();
      await client.db('admin').command({ ping: 1 });
      return client;
    } catch (err) {
      await client.close().catch(() => undefined);
      if (attempt >= MAX_ATTEMPTS) throw err;
      console.warn(`mongo not ready (attempt ${attempt}), retrying`);
      await sleep(Math.min(1000 * 2 ** attempt, 15_000));
    }
  }
}

async function run(): Promise<void> {
  const mongo = await connectMongo(process.env.MONGODB_URI ?? 'mongodb://localhost:27017');

  let connection: NativeConnection | undefined;
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    try {
      connection = await NativeConnection.connect({ address: process.env.TEMPORAL_ADDRESS ?? 'localhost:7233' });
      break;
    } catch (err) {
      if (attempt === MAX_ATTEMPTS) throw err;
      await sleep(2000);
    }
  }

  const payments = new Pool(process.env.PAYMENTS_API_URL ?? 'https://payments.internal', {
    connections: 8,
    keepAliveTimeout: 30_000,
  });

  const worker = await Worker.create({
    connection: connection!,
    namespace: 'billing',
    taskQueue: 'billing',
    workflowsPath: require.resolve('./workflows'),
    activities: createActivities({
      db: mongo.db('billing'),
      payments,
      apiKey: process.env.PAYMENTS_API_KEY!,
    }),
  });

  try {
    await worker.run();
  } finally {
    await payments.close();
    await mongo.close();
    await connection!.close();
  }
}

run().catch((err) => {
  console.error(err);
  process.exit(1);
});
