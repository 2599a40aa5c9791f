import { MongoClient } from "mongodb";
import pg from "pg";

export const mongo = new MongoClient(process.env.MONGO_URL ?? "mongodb://localhost:27017", {
  maxPoolSize: 20,
});
export const indexerDb = mongo.db("indexer");

export const ledgerPool = new pg.Pool({
  connectionString: process.env.LEDGER_DATABASE_URL,
  max: 8,
});
