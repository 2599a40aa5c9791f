import { Redis } from 'ioredis';

// One connection for the whole crawl; used to skip SKUs seen in the last day.
const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');

export async function markSeen(sku: string): Promise<boolean> {
  const res = await redis.set(`seen:${sku}`, '1', 'EX', 86_400, 'NX');
  return res === 'OK';
}

export async function closeSeen(): Promise<void> {
  await redis.quit();
}
