import { Redis } from 'ioredis';

const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379/0', {
  keyPrefix: 'mkbot:',
});

/** Returns true if the user may run a command now, and starts their cooldown. */
export async function takeCooldown(userId: string, seconds = 20): Promise<boolean> {
  const ok = await redis.set(`cd:${userId}`, '1', 'EX', seconds, 'NX');
  return ok === 'OK';
}

export async function noteFollower(userId: string): Promise<void> {
  await redis.sadd('followers', userId);
}
