import { MongoClient, type Db } from "mongodb";

// Parcel keeps one reporter instance for the lifetime of `parcel serve` /
// `parcel watch`; the client is created on first use and reused afterwards.
let clientPromise: Promise<MongoClient> | null = null;

function getClient(): Promise<MongoClient> {
  if (!clientPromise) {
    const url = process.env.BUILD_STATS_MONGO_URL ?? "mongodb://localhost:27017";
    clientPromise = new MongoClient(url, { maxPoolSize: 2, appName: "parcel-build-stats" }).connect();
  }
  return clientPromise;
}

export async function statsDb(): Promise<Db> {
  return (await getClient()).db("build_stats");
}

export async function closeStatsDb(): Promise<void> {
  if (!clientPromise) return;
  const pending = clientPromise;
  clientPromise = null;
  await (await pending).close();
}
