import { PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import pg from "pg";

export interface Store {
  savePrice(url: string, title: string, price: number | null): Promise<void>;
  archiveHtml(key: string, html: string): Promise<void>;
  close(): Promise<void>;
}

// Called once per actor run from main.ts.
export async function openStore(databaseUrl: string, bucket: string): Promise<Store> {
  const pgClient = new pg.Client({ connectionString: databaseUrl, application_name: "price-snapshot" });
  await pgClient.connect();
  const s3 = new S3Client({ region: process.env.AWS_REGION ?? "eu-west-1" });

  return {
    async savePrice(url, title, price) {
      await pgClient.query(
        "INSERT INTO price_snapshots (url, title, price, taken_at) VALUES ($1, $2, $3, now())",
        [url, title, price],
      );
    },
    async archiveHtml(key, html) {
      await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: html, ContentType: "text/html" }));
    },
    async close() {
      s3.destroy();
      await pgClient.end();
    },
  };
}
