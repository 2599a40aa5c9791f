import { Pool } from 'pg';
import { S3Client } from '@aws-sdk/client-s3';
import { WarehouseAuth } from './auth';

// One pool per distinct connection (credentials), reused by every run of
// every trigger in this engine worker.
const pools = new Map<string, Pool>();

export function getPool(auth: WarehouseAuth): Pool {
  let pool = pools.get(auth.connectionString);
  if (!pool) {
    pool = new Pool({ connectionString: auth.connectionString, max: 3, idleTimeoutMillis: 30_000 });
    pools.set(auth.connectionString, pool);
  }
  return pool;
}

export function makeArchiveClient(auth: WarehouseAuth): S3Client {
  return new S3Client({ region: auth.region, maxAttempts: 3 });
}

export function toCsv(rows: Record<string, unknown>[]): string {
  if (rows.length === 0) return '';
  const headers = Object.keys(rows[0]);
  const escape = (v: unknown) => `"${String(v ?? '').replace(/"/g, '""')}"`;
  return [headers.join(','), ...rows.map((r) => headers.map((h) => escape(r[h])).join(','))].join('\n');
}
