import Redis from 'ioredis';

export function makeRedis(): Redis {
  return new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379/2', {
    maxRetriesPerRequest: 2,
    connectionName: 'greenhouse-alarms',
  });
}
