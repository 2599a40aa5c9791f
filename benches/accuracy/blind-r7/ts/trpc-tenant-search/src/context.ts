import type { CreateHTTPContextOptions } from '@trpc/server/adapters/standalone';
import { searchClientFor, sharedRedis } from './clients.js';

export function createContext({ req }: CreateHTTPContextOptions) {
  const tenant = String(req.headers['x-tenant'] ?? 'default').toLowerCase();
  return {
    tenant,
    search: searchClientFor(tenant),
    cache: sharedRedis(),
  };
}

export type Context = ReturnType<typeof createContext>;
