import { Readable } from 'node:stream';
import { threadId } from 'node:worker_threads';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { parse } from 'csv-parse';
import pg from 'pg';
import { COLUMNS, CONFLICT_KEYS, ImportResult, ImportTask, PurgeTask } from './types.js';

const db = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: 2,
  application_name: `csv-importer-w${threadId}`,
});
const s3 = new S3Client({ region: process.env.AWS_REGION ?? 'eu-west-1' });

const BATCH = 500;

async function flush(client: pg.PoolClient, task: ImportTask, rows: string[][]): Promise<number> {
  if (rows.length === 0) return 0;
  const cols = COLUMNS[task.table];
  const params: unknown[] = [];
  const tuples = rows.map((row) => {
    const start = params.length;
    params.push(task.tenantId, ...row);
    return `(${[...Array(cols.length + 1)].map((_, i) => `$${start + i + 1}`).join(', ')})`;
  });
  const result = await client.query(
    `INSERT INTO ${task.table} (tenant_id, ${cols.join(', ')}) VALUES ${tuples.join(', ')}
     ON CONFLICT (${CONFLICT_KEYS[task.table]}) DO NOTHING`,
    params
  );
  return result.rowCount ?? 0;
}

export async function importCsv(task: ImportTask): Promise<ImportResult> {
  const started = Date.now();
  const object = await s3.send(new GetObjectCommand({ Bucket: task.bucket, Key: task.key }));
  const parser = (object.Body as Readable).pipe(parse({ from_line: 2, trim: true, skip_empty_lines: true }));

  const client = await db.connect();
  let inserted = 0;
  let skipped = 0;
  try {
    await client.query('BEGIN');
    let batch: string[][] = [];
    for await (const record of parser as AsyncIterable<string[]>) {
      if (record.length !== COLUMNS[task.table].length) {
        skipped++;
        continue;
      }
      batch.push(record);
      if (batch.length === BATCH) {
        inserted += await flush(client, task, batch);
        batch = [];
      }
    }
    inserted += await flush(client, task, batch);
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  } finally {
    client.release();
  }
  return { jobId: task.jobId, inserted, skipped, durationMs: Date.now() - started };
}

export async function purgeTenant(task: PurgeTask): Promise<number> {
  const { rowCount } = await db.query(
    `DELETE FROM ${task.table} WHERE tenant_id = $1 AND imported_at < now() - make_interval(days => $2)`,
    [task.tenantId, task.olderThanDays]
  );
  return rowCount ?? 0;
}
