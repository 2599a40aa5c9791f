// Separate process (npm run start:worker): renders queued reports. It shares no modules with
// the Feathers app and owns its own database pool and Redis connection.
import { Job, Worker } from 'bullmq';
import IORedis from 'ioredis';
import { Pool } from 'pg';

interface RenderJob {
  reportId: number;
}

const pool = new Pool({
  connectionString: process.env.DATABASE_URL ?? 'postgres://reports:reports@localhost:5432/reports',
  max: 4,
});
const connection = new IORedis(process.env.REDIS_URL ?? 'redis://localhost:6379/2', {
  maxRetriesPerRequest: null,
});

async function render(job: Job<RenderJob>): Promise<string> {
  const client = await pool.connect();
  try {
    const { rows } = await client.query('select id, kind, params from reports where id = $1', [job.data.reportId]);
    const report = rows[0];
    if (!report) throw new Error(`report ${job.data.reportId} not found`);

    const data =
      report.kind === 'sales'
        ? await client.query('select day, sum(total_cents) as total from sales group by day order by day')
        : await client.query('select sku, on_hand from inventory order by sku');
    await job.updateProgress(80);

    const url = `s3://reports/${report.id}.json`; // upload elided
    await client.query("update reports set status = 'done', result_url = $2 where id = $1", [report.id, url]);
    return `${url} (${data.rowCount} rows)`;
  } finally {
    client.release();
  }
}

const worker = new Worker<RenderJob, string>('reports', render, { connection, concurrency: 4 });

worker.on('failed', async (job, err) => {
  if (!job) return;
  console.error(`report ${job.data.reportId} failed`, err);
  if (job.attemptsMade >= (job.opts.attempts ?? 1)) {
    await pool.query("update reports set status = 'failed' where id = $1", [job.data.reportId]);
  }
});

const stop = async () => {
  await worker.close();
  await pool.end();
  await connection.quit();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
