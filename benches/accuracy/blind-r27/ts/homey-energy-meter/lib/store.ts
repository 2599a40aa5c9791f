import Homey from 'homey';
import { MongoClient, type Collection } from 'mongodb';

export interface Reading {
  deviceId: string;
  homeyId: string;
  powerW: number;
  meterKWh: number;
  tariffEurKWh?: number;
  zone?: string;
  at: Date;
}

export interface TariffSnapshot {
  zone: string;
  eurPerKWh: number;
  validFrom: Date;
  validTo: Date;
}

// Shared Atlas client for the whole app process.
const client = new MongoClient(Homey.env.MONGODB_URI, {
  appName: 'voltwise-homey',
  maxPoolSize: 5,
  serverSelectionTimeoutMS: 10_000,
});

const db = client.db(Homey.env.MONGODB_DB ?? 'energy');

export function readings(): Collection<Reading> {
  return db.collection<Reading>('readings');
}

export function tariffs(): Collection<TariffSnapshot> {
  return db.collection<TariffSnapshot>('tariffs');
}

export async function saveTariff(snapshot: TariffSnapshot): Promise<void> {
  await tariffs().updateOne(
    { zone: snapshot.zone, validFrom: snapshot.validFrom },
    { $set: snapshot },
    { upsert: true },
  );
}

export async function latestTariff(zone: string): Promise<TariffSnapshot | null> {
  return tariffs().findOne({ zone }, { sort: { validFrom: -1 } });
}

export async function closeStore(): Promise<void> {
  await client.close();
}
