import type { Page } from 'puppeteer';
import type pg from 'pg';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';

export interface SnapshotJob {
  id: number;
  url: string;
  viewport: { width: number; height: number };
}

interface Deps {
  pool: pg.Pool;
  s3: S3Client;
  bucket: string;
}

// makeSnapshotTask is called once from main; the returned function is the
// cluster task and runs once per queued job, reusing the clients it closed over.
export function makeSnapshotTask({ pool, s3, bucket }: Deps) {
  return async ({ page, data }: { page: Page; data: SnapshotJob }) => {
    await page.setViewport(data.viewport);
    await page.goto(data.url, { waitUntil: 'networkidle2', timeout: 30_000 });
    const png = await page.screenshot({ fullPage: true, type: 'png' });

    const key = `snapshots/${data.id}.png`;
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: png, ContentType: 'image/png' }));

    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query("UPDATE snapshot_jobs SET status = 'done', s3_key = $2 WHERE id = $1", [data.id, key]);
      await client.query('INSERT INTO snapshot_events (job_id, kind) VALUES ($1, $2)', [data.id, 'done']);
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK');
      throw err;
    } finally {
      client.release();
    }
  };
}
