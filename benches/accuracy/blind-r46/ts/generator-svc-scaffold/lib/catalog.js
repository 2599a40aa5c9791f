import { MongoClient } from 'mongodb';

// Reads the list of teams and existing service names from the service
// catalog. Used once per `yo svc-scaffold` run.
export async function loadCatalog(url) {
  const client = new MongoClient(url, { appName: 'generator-svc-scaffold', serverSelectionTimeoutMS: 5_000 });
  try {
    await client.connect();
    const db = client.db('catalog');
    const teams = await db
      .collection('teams')
      .find({ archived: { $ne: true } }, { projection: { _id: 0, slug: 1, name: 1 } })
      .sort({ name: 1 })
      .toArray();
    const services = await db
      .collection('services')
      .find({}, { projection: { _id: 0, name: 1 } })
      .toArray();
    return { teams, takenNames: new Set(services.map((s) => s.name)) };
  } finally {
    await client.close();
  }
}
