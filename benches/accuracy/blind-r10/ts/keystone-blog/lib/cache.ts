import Redis from 'ioredis';

const globalForRedis = globalThis as unknown as { keystoneRedis?: Redis };

export function cache(): Redis {
  if (!globalForRedis.keystoneRedis) {
    globalForRedis.keystoneRedis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', {
      keyPrefix: 'blog:',
    });
  }
  return globalForRedis.keystoneRedis;
}
