#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { parse } from 'csv-parse';
import pg from 'pg';
import { ParcelUpsertSink } from './sink.js';

const { values } = parseArgs({
  options: {
    bucket: { type: 'string', default: 'county-exports' },
    key: { type: 'string' },
    batch: { type: 'string', default: '500' },
  },
});

if (!values.key) {
  console.error('usage: parcel-import --key exports/2024-06/parcels.csv [--bucket county-exports]');
  process.exit(2);
}

async function main(): Promise<void> {
  const s3 = new S3Client({ region: process.env.AWS_REGION ?? 'us-west-2' });
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
  const started = Date.now();

  try {
    const obj = await s3.send(new GetObjectCommand({ Bucket: values.bucket, Key: values.key }));
    if (!obj.Body) throw new Error(`empty object s3://${values.bucket}/${values.key}`);

    const sink = new ParcelUpsertSink(pool, Number(values.batch));
    await pipeline(
      obj.Body as Readable,
      parse({ columns: true, trim: true, skip_empty_lines: true, relax_column_count: true }),
      sink,
    );

    await pool.query('INSERT INTO import_log (source, rows, finished_at) VALUES ($1, $2, now())', [
      `s3://${values.bucket}/${values.key}`,
      sink.written,
    ]);
    console.log(`imported ${sink.written} parcels in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  } finally {
    await pool.end();
    s3.destroy();
  }
}

main().catch((err) => {
  console.error('import failed:', err);
  process.exit(1);
});
