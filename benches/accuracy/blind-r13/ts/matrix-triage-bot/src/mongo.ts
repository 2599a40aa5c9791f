import { MongoClient } from "mongodb";
import { setTimeout as sleep } from "node:timers/promises";

// Called once from main. Retries while the database comes up, then hands back the one client.
export async function connectMongo(uri: string, attempts = 8): Promise<MongoClient> {
  for (let attempt = 1; ; attempt++) {
    const client = new MongoClient(uri, { maxPoolSize: 10, serverSelectionTimeoutMS: 5_000 });
    try {
      await client.connect();
      await client.db("admin").command({ ping: 1 });
      return client;
    } catch (err) {
      await client.close().catch(() => undefined);
      if (attempt >= attempts) {
        throw err;
      }
      console.warn(`mongo not ready (attempt ${attempt}/${attempts}), retrying`);
      await sleep(Math.min(1_000 * 2 ** attempt, 15_000));
    }
  }
}
