import pg from "pg";
import { S3Client } from "@aws-sdk/client-s3";

// Factories, called once from main() at start-up.

export function createPool(): pg.Pool {
  const pool = new pg.Pool({
    connectionString: process.env.DATABASE_URL,
    application_name: "invoice-worker",
    max: 8,
  });
  pool.on("error", (err) => console.error("pg idle error", err));
  return pool;
}

export function createS3(): S3Client {
  return new S3Client({
    region: process.env.AWS_REGION ?? "eu-central-1",
    maxAttempts: 4,
  });
}
