import { Redis } from 'ioredis';

export const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/0', { lazyConnect: false });

export async function publishDeposit(customerId: string, drops: string, hash: string): Promise<void> {
  await redis.publish(`deposits:${customerId}`, JSON.stringify({ drops, hash }));
  await redis.hincrby('deposits:today', customerId, 1);
}
