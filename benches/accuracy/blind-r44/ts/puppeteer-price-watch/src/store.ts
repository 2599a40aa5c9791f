import { MongoClient } from "mongodb";
import { PutObjectCommand, S3Client } from "@aws-sdk/client-s3";

export interface PriceSample {
  sku: string;
  competitor: string;
  price: number;
  currency: string;
  inStock: boolean;
  seenAt: Date;
}

const s3 = new S3Client({ region: process.env.AWS_REGION ?? "eu-central-1" });
const SNAPSHOT_BUCKET = process.env.SNAPSHOT_BUCKET ?? "price-watch-snapshots";

export async function recordPrice(sample: PriceSample): Promise<void> {
  const client = new MongoClient(process.env.MONGO_URL ?? "mongodb://localhost:27017", {
    appName: "price-watch-recorder",
  });
  await client.connect();
  const samples = client.db("pricing").collection<PriceSample>("samples");
  await samples.insertOne(sample);
  await client
    .db("pricing")
    .collection("latest")
    .updateOne(
      { sku: sample.sku, competitor: sample.competitor },
      { $set: { price: sample.price, currency: sample.currency, seenAt: sample.seenAt } },
      { upsert: true },
    );
}

export async function saveSnapshot(
  target: { sku: string; competitor: string },
  png: Buffer,
): Promise<void> {
  const day = new Date().toISOString().slice(0, 10);
  await s3.send(
    new PutObjectCommand({
      Bucket: SNAPSHOT_BUCKET,
      Key: `${day}/${target.competitor}/${target.sku}.png`,
      Body: png,
      ContentType: "image/png",
    }),
  );
}
