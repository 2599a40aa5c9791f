import { Initializer, api, log } from "actionhero";
import { Db, MongoClient } from "mongodb";

declare module "actionhero" {
  export interface Api {
    mongo: { client: MongoClient; db: Db };
  }
}

export class MongoInitializer extends Initializer {
  constructor() {
    super();
    this.name = "mongo";
    this.loadPriority = 1000;
    this.startPriority = 1000;
    this.stopPriority = 1000;
  }

  async initialize() {
    const client = new MongoClient(process.env.MONGO_URL ?? "mongodb://localhost:27017", {
      maxPoolSize: 20,
      appName: "fulfilment",
    });
    api.mongo = { client, db: client.db(process.env.MONGO_DB ?? "fulfilment") };
  }

  async start() {
    await api.mongo.client.connect();
    await api.mongo.db.collection("shipments").createIndex({ orderId: 1 }, { unique: true });
    log("mongo connected", "info");
  }

  async stop() {
    await api.mongo.client.close();
  }
}
