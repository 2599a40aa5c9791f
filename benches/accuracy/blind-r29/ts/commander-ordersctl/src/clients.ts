import { MongoClient } from 'mongodb';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { setTimeout as sleep } from 'node:timers/promises';

export function makeMongo(): MongoClient {
  return new MongoClient(process.env.MONGO_URL ?? 'mongodb://localhost:27017', {
    appName: 'ordersctl',
    maxPoolSize: 4,
    serverSelectionTimeoutMS: 5_000,
  });
}

export function makeDynamo(): DynamoDBDocumentClient {
  const base = new DynamoDBClient({ region: process.env.AWS_REGION ?? 'eu-central-1', maxAttempts: 5 });
  return DynamoDBDocumentClient.from(base, { marshallOptions: { removeUndefinedValues: true } });
}

/** Used by long-running commands: keep trying until the cluster answers, then hand back one client. */
export async function connectMongoWithRetry(maxAttempts = 8): Promise<MongoClient> {
  for (let attempt = 1; ; attempt++) {
    const client = makeMongo();
    try {
      await client.connect();
      await client.db('admin').command({ ping: 1 });
      return client;
    } catch (err) {
      await client.close().catch(() => undefined);
      if (attempt >= maxAttempts) throw err;
      const wait = Math.min(30_000, 500 * 2 ** attempt);
      console.error(`mongo not ready (attempt ${attempt}/${maxAttempts}), retrying in ${wait}ms`);
      await sleep(wait);
    }
  }
}
