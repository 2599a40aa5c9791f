import { MongoClient } from "mongodb";

export const mongo = new MongoClient(process.env.MONGO_URL ?? "mongodb://localhost:27017", {
  maxPoolSize: 20,
  appName: "standup-bot",
});

export const botDb = mongo.db(process.env.MONGO_DB ?? "standup_bot");

export interface StandupEntry {
  team: string;
  user: string;
  channel: string;
  yesterday: string;
  today: string;
  blockers: string;
  at: Date;
}
