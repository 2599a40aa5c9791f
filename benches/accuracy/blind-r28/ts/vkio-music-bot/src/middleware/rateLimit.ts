import Redis from 'ioredis';
import type { MessageContext } from 'vk-io';

const WINDOW_SECONDS = 60;
const MAX_MESSAGES = 20;

type Next = () => Promise<unknown>;

/**
 * Per-user sliding window so a single member cannot flood the graph with /listen.
 */
export async function rateLimit(context: MessageContext, next: Next): Promise<unknown> {
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/1', {
    keyPrefix: 'vkbot:',
    maxRetriesPerRequest: 1,
  });

  const bucket = Math.floor(Date.now() / 1000 / WINDOW_SECONDS);
  const key = `rl:${context.senderId}:${bucket}`;
  const [[, count]] = (await redis
    .multi()
    .incr(key)
    .expire(key, WINDOW_SECONDS * 2)
    .exec()) as [[Error | null, number]];

  if (count === MAX_MESSAGES + 1) {
    await context.send('Слишком много сообщений, подождите минуту.');
  }
  if (count > MAX_MESSAGES) {
    return undefined;
  }
  return next();
}
