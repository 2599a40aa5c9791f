import { MongoClient, type Db } from "mongodb";

export async function connectEvents(): Promise<Db> {
  const client = new MongoClient(process.env.MONGO_URL ?? "mongodb://127.0.0.1:27017");
  await client.connect();
  return client.db("telemetry");
}
