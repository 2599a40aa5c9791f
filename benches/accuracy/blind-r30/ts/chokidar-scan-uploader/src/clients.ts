import { S3Client } from "@aws-sdk/client-s3";
import { Pool } from "pg";
import { setTimeout as sleep } from "node:timers/promises";

export function createS3(): S3Client {
  return new S3Client({ region: process.env.AWS_REGION ?? "eu-central-1", maxAttempts: 5 });
}

// Called once from main. The scanner box often boots before the database VM,
// so keep trying for a while; every failed pool is ended before the next try.
export async function createPool(attempts = 12): Promise<Pool> {
  for (let attempt = 1; ; attempt++) {
    const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 5 });
    try {
      const probe = await pool.connect();
      probe.release();
      return pool;
    } catch (err) {
      await pool.end().catch(() => undefined);
      if (attempt >= attempts) throw err;
      console.warn(`database not ready (attempt ${attempt}/${attempts}), retrying`);
      await sleep(Math.min(attempt * 2_000, 15_000));
    }
  }
}
