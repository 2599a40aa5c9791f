import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { Pool } from 'pg';

// Created during the init phase; Lambda reuses the execution environment for warm invocations.
export const ddb = DynamoDBDocumentClient.from(new DynamoDBClient({}), {
  marshallOptions: { removeUndefinedValues: true },
});
export const s3 = new S3Client({});

export const INVOICE_TABLE = process.env.INVOICE_TABLE!;
export const PDF_BUCKET = process.env.PDF_BUCKET!;

let pool: Pool | undefined;

// Lazily created so that handlers that never touch Postgres do not pay for the connection.
export function getPool(): Pool {
  if (!pool) {
    pool = new Pool({
      connectionString: process.env.LEDGER_DATABASE_URL,
      max: 1,
      idleTimeoutMillis: 60_000,
    });
  }
  return pool;
}
