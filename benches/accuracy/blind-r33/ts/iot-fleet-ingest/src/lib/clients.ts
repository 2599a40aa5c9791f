import { setTimeout as sleep } from "node:timers/promises";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { Pool } from "pg";

export interface Deps {
  pool: Pool;
  ddb: DynamoDBDocumentClient;
}

async function connectPostgres(url: string): Promise<Pool> {
  let lastErr: unknown;
  for (let attempt = 1; attempt <= 8; attempt++) {
    const pool = new Pool({ connectionString: url, max: 8 });
    try {
      const c = await pool.connect();
      c.release();
      return pool;
    } catch (err) {
      lastErr = err;
      await pool.end().catch(() => undefined);
      await sleep(500 * 2 ** attempt);
    }
  }
  throw lastErr;
}

// called exactly once from main()
export async function buildDeps(): Promise<Deps> {
  const pool = await connectPostgres(process.env.DATABASE_URL!);
  const ddb = DynamoDBDocumentClient.from(
    new DynamoDBClient({ region: process.env.AWS_REGION ?? "eu-west-1" }),
    { marshallOptions: { removeUndefinedValues: true } },
  );
  return { pool, ddb };
}
