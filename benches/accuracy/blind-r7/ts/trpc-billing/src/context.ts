import type { CreateHTTPContextOptions } from '@trpc/server/adapters/standalone';
import Redis from 'ioredis';

export async function createContext({ req, res }: CreateHTTPContextOptions) {
  const limiter = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', {
    maxRetriesPerRequest: 2,
    keyPrefix: 'billing:rl:',
  });
  const header = req.headers['x-api-key'];
  return {
    req,
    res,
    limiter,
    apiKey: typeof header === 'string' ? header : null,
  };
}

export type Context = Awaited<ReturnType<typeof createContext>>;
