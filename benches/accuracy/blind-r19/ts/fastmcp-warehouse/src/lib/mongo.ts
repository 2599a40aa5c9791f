import { MongoClient } from "mongodb";

export const mongo = new MongoClient(process.env.MONGO_URL ?? "mongodb://127.0.0.1:27017", {
  maxPoolSize: 10,
  appName: "warehouse-mcp",
});

export const ordersDb = () => mongo.db("warehouse");
