import { MongoClient } from 'mongodb';

export async function connectMongo(appName: string): Promise<MongoClient> {
  const client = new MongoClient(process.env.MONGO_URL ?? 'mongodb://localhost:27017/?replicaSet=rs0', {
    appName,
    maxPoolSize: 20,
    serverSelectionTimeoutMS: 5000,
  });
  await client.connect();
  return client;
}
