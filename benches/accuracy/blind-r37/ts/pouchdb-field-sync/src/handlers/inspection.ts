import { MongoClient } from "mongodb";
import type { FieldDoc } from "../types.js";

export async function saveInspection(doc: FieldDoc): Promise<void> {
  const mongo = new MongoClient(process.env.MONGO_URL ?? "mongodb://localhost:27017", {
    appName: "field-sync",
  });
  await mongo.connect();

  const inspections = mongo.db("reporting").collection("inspections");
  await inspections.replaceOne(
    { _id: doc._id as any },
    {
      siteId: doc.siteId,
      inspectorId: doc.inspectorId,
      checklist: doc.checklist ?? [],
      score: doc.score ?? null,
      createdAt: new Date(doc.createdAt),
      rev: doc._rev,
    },
    { upsert: true }
  );
}
