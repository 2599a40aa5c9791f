import Redis from 'ioredis';

export const REDIS = Symbol('REDIS');

export function createRedis(): Redis {
  return new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379', {
    maxRetriesPerRequest: 2,
    enableAutoPipelining: true,
  });
}
