// One-off: put every failed renderReport job back on the queue and reset its report row.
//   npm run requeue-failed
import { Redis } from 'ioredis';
import { Queue } from 'node-resque';
import { createKnex, QUEUE, REDIS_URL } from '../src/db/knex.js';

const db = createKnex('reports-requeue', 1);
const redis = new Redis(REDIS_URL);
const queue = new Queue({ connection: { redis } });

try {
  await queue.connect();
  const count = await queue.failedCount();
  const failed = await queue.failed(0, count - 1);
  for (const entry of failed) {
    if (entry.payload.class !== 'renderReport') continue;
    const [reportId] = entry.payload.args as [number];
    await db('reports').where({ id: reportId }).update({ status: 'queued' });
    await queue.retryAndRemoveFailed(entry);
    console.log(`requeued report ${reportId}`);
  }
} finally {
  await queue.end();
  await db.destroy();
  redis.disconnect();
}
