import { MongoClient } from 'mongodb';

export const MONGO_URI = process.env.SUPPORT_MONGO_URI ?? 'mongodb://127.0.0.1:27017/?replicaSet=rs0';
export const DB_NAME = process.env.SUPPORT_DB ?? 'shop';

export async function openMongo(): Promise<MongoClient> {
  const client = new MongoClient(MONGO_URI, { appName: 'support-console', maxPoolSize: 5 });
  await client.connect();
  return client;
}
