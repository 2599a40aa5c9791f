import { setTimeout as sleep } from "node:timers/promises";
import { Redis } from "ioredis";
import { MongoClient } from "mongodb";

export const redis = new Redis(process.env.REDIS_URL ?? "redis://localhost:6379", {
  maxRetriesPerRequest: 3,
});

const CURSOR_KEY = "jetstream:cursor";

export async function loadCursor(): Promise<number | undefined> {
  const raw = await redis.get(CURSOR_KEY);
  return raw ? Number(raw) : undefined;
}

export async function saveCursor(cursor: number): Promise<void> {
  await redis.set(CURSOR_KEY, String(cursor));
}

export async function connectMongo(): Promise<MongoClient> {
  const client = new MongoClient(process.env.MONGODB_URI!, { maxPoolSize: 20 });
  for (let attempt = 1; attempt <= 8; attempt++) {
    try {
      await client.connect();
      await client.db("admin").command({ ping: 1 });
      return client;
    } catch (err) {
      if (attempt === 8) throw err;
      console.warn(`mongo unavailable (attempt ${attempt}): ${(err as Error).message}`);
      await sleep(1000 * attempt);
    }
  }
  throw new Error("unreachable");
}
