import { Pool } from 'pg';
import { MongoClient } from 'mongodb';

export function createPgPool(): Pool {
  return new Pool({
    connectionString: process.env.DATABASE_URL,
    max: 12,
    idleTimeoutMillis: 30_000,
  });
}

export async function createMongo(): Promise<MongoClient> {
  const client = new MongoClient(process.env.MONGO_URL ?? 'mongodb://localhost:27017', { maxPoolSize: 20 });
  await client.connect();
  return client;
}
