import { MongoClient } from "mongodb";
import type { Reading } from "./types.js";

export async function archiveReading(r: Reading): Promise<void> {
  const client = new MongoClient(process.env.ARCHIVE_MONGO_URL ?? "mongodb://localhost:27017");
  await client.connect();
  await client
    .db("greenhouse")
    .collection("raw_readings")
    .insertOne({ ...r, at: new Date(r.at), receivedAt: new Date() });
}
