import { MongoClient, type Db } from "mongodb";

const MONGO_URL = process.env.CATALOG_MONGO_URL ?? "mongodb://localhost:27017";

export interface MenuItem {
  sku: string;
  name: string;
  synonyms: string[];
  priceCents: number;
  storeIds: string[];
}

export async function openCatalog(): Promise<Db> {
  const client = new MongoClient(MONGO_URL, { appName: "coffee-skill" });
  await client.connect();
  return client.db("catalog");
}

export async function findItem(db: Db, spoken: string, storeId: string): Promise<MenuItem | null> {
  const needle = spoken.trim().toLowerCase();
  return db.collection<MenuItem>("menu_items").findOne({
    storeIds: storeId,
    $or: [{ name: needle }, { synonyms: needle }],
  });
}
