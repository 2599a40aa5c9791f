import { MongoClient } from 'mongodb';

// Reused across warm executions of the same runtime container.
let clientPromise;

export function getMongo() {
  if (!clientPromise) {
    const client = new MongoClient(process.env.AUDIT_MONGODB_URI, {
      maxPoolSize: 5,
      serverSelectionTimeoutMS: 5000,
    });
    clientPromise = client.connect().catch((err) => {
      clientPromise = undefined;
      throw err;
    });
  }
  return clientPromise;
}

export async function recordChange(orderId, before, after, actor) {
  const client = await getMongo();
  const db = client.db('audit');
  const session = client.startSession();
  try {
    await session.withTransaction(async () => {
      await db.collection('order_changes').insertOne(
        { orderId, before, after, actor, at: new Date() },
        { session }
      );
      await db
        .collection('order_heads')
        .updateOne(
          { orderId },
          { $set: { status: after?.status ?? null, updatedAt: new Date() }, $inc: { revisions: 1 } },
          { upsert: true, session }
        );
    });
  } finally {
    await session.endSession();
  }
}

export async function history(orderId, limit = 50) {
  const client = await getMongo();
  return client
    .db('audit')
    .collection('order_changes')
    .find({ orderId }, { projection: { _id: 0 } })
    .sort({ at: -1 })
    .limit(limit)
    .toArray();
}
