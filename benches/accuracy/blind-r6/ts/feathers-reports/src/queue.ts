import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import type { Application } from './declarations';

export const reportQueue = (app: Application) => {
  const connection = new IORedis(app.get('redis'), { maxRetriesPerRequest: null });
  const queue = new Queue('reports', { connection });
  app.set('reportQueue', queue);

  app.hooks({
    teardown: [
      async () => {
        await queue.close();
        await connection.quit();
      },
    ],
  });
};
