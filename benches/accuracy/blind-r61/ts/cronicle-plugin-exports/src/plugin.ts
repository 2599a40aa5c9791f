#!/usr/bin/env node
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { stringify } from 'csv-stringify/sync';
import readline from 'node:readline';
import type pg from 'pg';
import { openDb } from './db.js';

interface CronicleJob {
  id: string;
  event_title?: string;
  params: { partner: string; days?: string; bucket: string };
}

function report(obj: Record<string, unknown>): void {
  process.stdout.write(JSON.stringify(obj) + '\n');
}

async function readJob(): Promise<CronicleJob> {
  const rl = readline.createInterface({ input: process.stdin });
  for await (const line of rl) {
    if (line.trim()) {
      rl.close();
      return JSON.parse(line) as CronicleJob;
    }
  }
  throw new Error('no job JSON received on STDIN');
}

async function exportDay(db: pg.Client, s3: S3Client, job: CronicleJob, day: string): Promise<number> {
  const { rows } = await db.query(
    `SELECT settlement_id, merchant_ref, currency, gross_cents, fee_cents, net_cents, settled_at
       FROM settlements
      WHERE partner = $1 AND settled_at >= $2::date AND settled_at < $2::date + 1
      ORDER BY settled_at`,
    [job.params.partner, day],
  );
  await s3.send(
    new PutObjectCommand({
      Bucket: job.params.bucket,
      Key: `settlements/${job.params.partner}/${day}.csv`,
      Body: stringify(rows, { header: true }),
      ContentType: 'text/csv',
    }),
  );
  return rows.length;
}

async function main(): Promise<void> {
  const job = await readJob();
  const days = Math.max(1, Number(job.params.days ?? 1));

  const s3 = new S3Client({ region: process.env.AWS_REGION ?? 'eu-central-1' });
  const db = await openDb();
  let total = 0;
  try {
    for (let i = days; i >= 1; i -= 1) {
      const day = new Date(Date.now() - i * 86_400_000).toISOString().slice(0, 10);
      total += await exportDay(db, s3, job, day);
      report({ progress: (days - i + 1) / days });
    }
    report({ complete: 1, code: 0, description: `exported ${total} settlements over ${days} day(s)` });
  } catch (err) {
    report({ complete: 1, code: 1, description: (err as Error).message });
    process.exitCode = 1;
  } finally {
    await db.end();
    s3.destroy();
  }
}

main().catch((err) => {
  report({ complete: 1, code: 1, description: String(err) });
  process.exit(1);
});
