import { Worker } from 'bullmq';
import IORedis from 'ioredis';
import { db } from './db.js';
import { processThumbnail } from './jobs/thumbnail.js';
import { processTranscode } from './jobs/transcode.js';

const connection = new IORedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', {
  maxRetriesPerRequest: null,
});

const worker = new Worker(
  'media',
  async (job) => {
    switch (job.name) {
      case 'thumbnail':
        return processThumbnail(job);
      case 'transcode':
        return processTranscode(job);
      default:
        throw new Error(`unknown job type ${job.name}`);
    }
  },
  { connection, concurrency: 8 },
);

worker.on('completed', async (job) => {
  await db.query('UPDATE media_jobs SET status = $1, finished_at = now() WHERE bull_id = $2', [
    'completed',
    job.id,
  ]);
});

worker.on('failed', async (job, err) => {
  if (!job) return;
  await db.query(
    'UPDATE media_jobs SET status = $1, error = $2, finished_at = now() WHERE bull_id = $3',
    ['failed', err.message, job.id],
  );
});

async function shutdown() {
  await worker.close();
  await connection.quit();
  await db.end();
  process.exit(0);
}

process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
