import { Binary, MongoClient } from 'mongodb';
import * as Y from 'yjs';

const MONGO_URL = process.env.MONGO_URL ?? 'mongodb://localhost:27017';

interface DocSnapshot {
  _id: string;
  state: Binary;
  updatedAt: Date;
}

// Reads go through the shared client created at boot (see server.ts).
export async function loadSnapshot(client: MongoClient, name: string): Promise<Uint8Array | null> {
  const snap = await client.db('collab').collection<DocSnapshot>('snapshots').findOne({ _id: name });
  return snap ? snap.state.buffer : null;
}

export async function storeSnapshot(name: string, doc: Y.Doc): Promise<void> {
  const client = new MongoClient(MONGO_URL, { maxPoolSize: 5 });
  await client.connect();
  try {
    await client
      .db('collab')
      .collection<DocSnapshot>('snapshots')
      .updateOne(
        { _id: name },
        { $set: { state: new Binary(Y.encodeStateAsUpdate(doc)), updatedAt: new Date() } },
        { upsert: true },
      );
  } finally {
    await client.close();
  }
}
