import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { Pool, RowDataPacket } from 'mysql2/promise';
import { gzipSync } from 'node:zlib';

interface ArchiveConfig {
  s3Region: string;
  s3Bucket: string;
  s3Prefix: string;
}

interface ReadingRow extends RowDataPacket {
  state_id: string;
  ts: Date;
  val: number | null;
  ack: number;
}

/**
 * Exports one calendar day of readings as gzipped NDJSON to S3 and returns the object key.
 */
export async function exportDay(pool: Pool, cfg: ArchiveConfig, day: string): Promise<string> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) {
    throw new Error(`invalid day ${day}`);
  }
  const s3 = new S3Client({ region: cfg.s3Region, maxAttempts: 5 });

  const [rows] = await pool.query<ReadingRow[]>(
    'SELECT state_id, ts, val, ack FROM readings WHERE ts >= ? AND ts < ? + INTERVAL 1 DAY ORDER BY ts',
    [day, day],
  );
  const ndjson = rows
    .map((r) => JSON.stringify({ id: r.state_id, ts: r.ts.toISOString(), val: r.val, ack: r.ack === 1 }))
    .join('\n');

  const key = `${cfg.s3Prefix}/${day.slice(0, 7)}/${day}.ndjson.gz`;
  await s3.send(
    new PutObjectCommand({
      Bucket: cfg.s3Bucket,
      Key: key,
      Body: gzipSync(ndjson),
      ContentType: 'application/x-ndjson',
      ContentEncoding: 'gzip',
    }),
  );
  return key;
}
