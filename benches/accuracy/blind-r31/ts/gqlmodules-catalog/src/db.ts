import { MongoClient } from "mongodb";

// Shared client for the orders module.
export const mongo = new MongoClient(process.env.MONGO_URL ?? "mongodb://localhost:27017", {
  maxPoolSize: 10,
});

export const shopDb = () => mongo.db("shop");
