import { S3Client } from "@aws-sdk/client-s3";
import { Pool } from "pg";

export interface Clients {
  s3: S3Client;
  pool: Pool;
}

/** Called once from main(); everything else receives these instances. */
export function buildClients(): Clients {
  return {
    s3: new S3Client({ region: process.env.AWS_REGION ?? "eu-central-1" }),
    pool: new Pool({ connectionString: process.env.DATABASE_URL, max: 10 }),
  };
}
