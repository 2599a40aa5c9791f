import { Cluster } from 'puppeteer-cluster';
import pg from 'pg';
import { S3Client } from '@aws-sdk/client-s3';
import { makeSnapshotTask, type SnapshotJob } from './task.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitForDb(pool: pg.Pool): Promise<void> {
  for (let attempt = 1; attempt <= 15; attempt++) {
    try {
      await pool.query('SELECT 1');
      return;
    } catch (err) {
      console.warn(`database not reachable yet (${attempt}/15): ${(err as Error).message}`);
      await sleep(2_000);
    }
  }
  throw new Error('database never became reachable');
}

async function main(): Promise<void> {
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 8 });
  await waitForDb(pool);
  const s3 = new S3Client({ region: process.env.AWS_REGION ?? 'eu-central-1' });

  const cluster = await Cluster.launch({
    concurrency: Cluster.CONCURRENCY_CONTEXT,
    maxConcurrency: Number(process.env.BROWSERS ?? 4),
    puppeteerOptions: { headless: true, args: ['--no-sandbox'] },
  });
  await cluster.task(makeSnapshotTask({ pool, s3, bucket: process.env.SNAPSHOT_BUCKET ?? 'snapshots' }));
  cluster.on('taskerror', (err, data: SnapshotJob) => {
    void pool.query("UPDATE snapshot_jobs SET status = 'failed', error = $2 WHERE id = $1", [data.id, String(err)]);
  });

  let stopping = false;
  process.on('SIGTERM', () => (stopping = true));

  while (!stopping) {
    const { rows } = await pool.query<SnapshotJob>(
      `UPDATE snapshot_jobs SET status = 'running'
        WHERE id IN (SELECT id FROM snapshot_jobs WHERE status = 'pending'
                     ORDER BY created_at LIMIT 20 FOR UPDATE SKIP LOCKED)
        RETURNING id, url, viewport`,
    );
    for (const job of rows) cluster.queue(job);
    if (rows.length === 0) await sleep(3_000);
    await cluster.idle();
  }

  await cluster.close();
  s3.destroy();
  await pool.end();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
