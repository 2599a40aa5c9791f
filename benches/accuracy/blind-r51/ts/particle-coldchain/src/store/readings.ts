import { MongoClient } from 'mongodb';

const client = new MongoClient(process.env.COLDCHAIN_MONGO_URL as string, { maxPoolSize: 10 });
const readings = client.db('coldchain').collection('readings');

export interface Reading {
  deviceId: string;
  tempC: number;
  humidity: number;
  at: Date;
}

export async function saveReading(r: Reading): Promise<void> {
  await readings.insertOne(r);
}

export async function lastReadings(deviceId: string, n: number): Promise<Reading[]> {
  return readings.find<Reading>({ deviceId }).sort({ at: -1 }).limit(n).toArray();
}
