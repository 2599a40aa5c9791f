import { MongoClient } from "mongodb";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// Called once from main(). Retries while Mongo is still starting (compose/k8s),
// closing every client whose connect() failed.
export async function connectMongo(url: string, attempts = 10): Promise<MongoClient> {
  for (let attempt = 1; ; attempt++) {
    const client = new MongoClient(url, { maxPoolSize: 10, serverSelectionTimeoutMS: 5000 });
    try {
      await client.connect();
      await client.db("admin").command({ ping: 1 });
      return client;
    } catch (err) {
      await client.close().catch(() => {});
      if (attempt >= attempts) throw err;
      console.warn(`mongo not ready (attempt ${attempt}), retrying`);
      await sleep(Math.min(1000 * attempt, 10_000));
    }
  }
}
