import pg from "pg";
import { SNSClient } from "@aws-sdk/client-sns";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function connectPgWithRetry(maxAttempts = 10): Promise<pg.Pool> {
  for (let attempt = 1; ; attempt++) {
    const pool = new pg.Pool({
      connectionString: process.env.DATABASE_URL,
      max: 8,
      idleTimeoutMillis: 30_000,
      application_name: "iot-telemetry-ingest",
    });
    try {
      await pool.query("SELECT 1");
      console.log(`postgres ready after ${attempt} attempt(s)`);
      return pool;
    } catch (err) {
      await pool.end().catch(() => undefined);
      if (attempt >= maxAttempts) throw err;
      const backoff = Math.min(30_000, 500 * 2 ** attempt);
      console.warn(`postgres not ready (attempt ${attempt}), retrying in ${backoff} ms`);
      await sleep(backoff);
    }
  }
}

export function createSns(): SNSClient {
  return new SNSClient({ region: process.env.AWS_REGION ?? "eu-west-1" });
}
