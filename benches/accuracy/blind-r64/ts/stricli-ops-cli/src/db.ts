import pg from "pg";
import { MongoClient } from "mongodb";

// Each CLI invocation opens exactly one connection and closes it before exit.
export async function openPg(): Promise<pg.Client> {
  const client = new pg.Client({
    connectionString: process.env.SHOP_DATABASE_URL,
    application_name: "shopops-cli",
  });
  await client.connect();
  return client;
}

export async function openMongo(): Promise<MongoClient> {
  const client = new MongoClient(process.env.CATALOG_MONGO_URL ?? "mongodb://127.0.0.1:27017", {
    maxPoolSize: 2,
  });
  await client.connect();
  return client;
}
