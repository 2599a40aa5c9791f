import { Redis } from 'ioredis';

// Greylisting triplets: (client ip, sender, recipient).
const store = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379/0', {
  keyPrefix: 'grey:',
  enableAutoPipelining: true,
});

const RETRY_AFTER_SECONDS = 300;

export async function passesGreylist(ip: string, from: string, to: string): Promise<boolean> {
  const key = `${ip}|${from.toLowerCase()}|${to.toLowerCase()}`;
  const firstSeen = await store.get(key);
  if (!firstSeen) {
    await store.set(key, String(Date.now()), 'EX', 36 * 3600);
    return false;
  }
  return Date.now() - Number(firstSeen) > RETRY_AFTER_SECONDS * 1000;
}
