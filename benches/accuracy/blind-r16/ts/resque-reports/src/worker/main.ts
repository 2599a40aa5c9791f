import { Redis } from 'ioredis';
import { Worker } from 'node-resque';
import { createKnex, QUEUE, REDIS_URL } from '../db/knex.js';
import { buildJobs } from './jobs.js';

const db = createKnex('reports-worker', 4);
// One connection for the worker and for completion notifications (the worker polls, it never blocks).
const redis = new Redis(REDIS_URL);

const worker = new Worker(
  { connection: { redis }, queues: [QUEUE], timeout: 1000 },
  buildJobs(db, redis),
);

worker.on('success', (queue, job, result, duration) => {
  console.log(`${job.class}(${job.args.join(',')}) -> ${result} in ${duration}ms`);
});
worker.on('failure', (queue, job, failure) => {
  console.error(`${job.class}(${job.args.join(',')}) failed`, failure);
});
worker.on('error', (error) => console.error('worker error', error));

await worker.connect();
await worker.start();

const shutdown = async () => {
  await worker.end();
  await db.destroy();
  redis.disconnect();
  process.exit(0);
};
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
