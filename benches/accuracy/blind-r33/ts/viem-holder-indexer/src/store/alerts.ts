import { MongoClient } from "mongodb";

// whale alerts are written by the indexer and read by the notifier UI
const alertsClient = new MongoClient(process.env.MONGO_URL ?? "mongodb://localhost:27017");
const alerts = alertsClient.db("indexer").collection("whale_alerts");

export async function raiseWhaleAlert(from: string, to: string, value: bigint, txHash: string) {
  await alerts.insertOne({
    from,
    to,
    value: value.toString(),
    txHash,
    createdAt: new Date(),
  });
}
