import { MongoClient } from "mongodb";

export interface AuditRecord {
  containerId: string;
  name: string;
  image: string;
  action: string;
  exitCode?: number;
  at: Date;
}

export function openAudit(): MongoClient {
  return new MongoClient(process.env.MONGO_URL ?? "mongodb://127.0.0.1:27017", {
    appName: "docker-events-audit",
    serverSelectionTimeoutMS: 5_000,
  });
}
