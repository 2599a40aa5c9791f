import { MongoClient } from "mongodb";
import pg from "pg";

export const pricing = new pg.Pool({
  connectionString: process.env.PRICING_DATABASE_URL,
  max: 10,
});

export function openCatalog(): MongoClient {
  return new MongoClient(process.env.CATALOG_MONGO_URL ?? "mongodb://localhost:27017", {
    appName: "helix-catalog",
  });
}
