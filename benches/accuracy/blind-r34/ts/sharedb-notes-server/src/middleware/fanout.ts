import type ShareDB from 'sharedb';
import Redis from 'ioredis';

// After every op is written, tell the activity feed service which note changed.
export function registerFanout(backend: ShareDB) {
  backend.use('afterWrite', (context, next) => {
    const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379');
    redis
      .publish(
        `notes:${context.collection}`,
        JSON.stringify({ id: context.id, v: context.snapshot?.v, by: context.agent.custom?.userId }),
      )
      .then(() => next())
      .catch((err) => next(err));
  });
}
