import { MongoClient } from 'mongodb';

// Shared factory. Each process (collector, worker) calls it once at start-up
// and keeps the client for its lifetime.
export async function createMongo(appName: string): Promise<MongoClient> {
  const client = new MongoClient(process.env.MONGO_URL ?? 'mongodb://localhost:27017', {
    appName,
    maxPoolSize: 10,
  });
  await client.connect();
  return client;
}
