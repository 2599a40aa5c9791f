import { MongoClient } from 'mongodb';

const mongo = new MongoClient(process.env.COLDCHAIN_MONGO_URL as string);
const alerts = mongo.db('coldchain').collection('alerts');

export async function raiseAlert(deviceId: string, kind: 'too_warm' | 'door_open', value: number): Promise<boolean> {
  // one open alert per device and kind
  const res = await alerts.updateOne(
    { deviceId, kind, closedAt: null },
    { $setOnInsert: { deviceId, kind, value, openedAt: new Date(), closedAt: null } },
    { upsert: true },
  );
  return res.upsertedCount === 1;
}

export async function closeAlerts(deviceId: string): Promise<void> {
  await alerts.updateMany({ deviceId, closedAt: null }, { $set: { closedAt: new Date() } });
}
