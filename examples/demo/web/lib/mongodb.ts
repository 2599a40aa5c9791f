import { MongoClient, type Db } from "mongodb";

const uri = process.env.MONGODB_URI!;

let client: MongoClient | null = null;

export async function connectToDatabase(): Promise<{ client: MongoClient; db: Db }> {
  if (!client) {
    client = new MongoClient(uri, { maxPoolSize: 10 });
    await client.connect();
  }
  return { client, db: client.db("shop") };
}
