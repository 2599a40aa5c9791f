import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';

const lockClient = new Redis(process.env.REDIS_URL!, {
  maxRetriesPerRequest: 1,
});

const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`;

export async function acquireLock(name: string, ttlMs = 10_000): Promise<(() => Promise<void>) | null> {
  const token = randomUUID();
  const ok = await lockClient.set(`lock:${name}`, token, 'PX', ttlMs, 'NX');
  if (ok !== 'OK') return null;
  return async () => {
    await lockClient.eval(RELEASE, 1, `lock:${name}`, token);
  };
}
