import { rateLimit } from 'express-rate-limit';

import { redis } from './clients';
import { RedisWindowStore } from './redis-window-store';

// express-rate-limit refuses to share one store between limiters, so each
// limiter gets its own store object; they all reuse the same Redis connection.
export function makeLimiter(name: string, limit: number, windowMs = 60_000) {
  return rateLimit({
    windowMs,
    limit,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    keyGenerator: (req) => String(req.header('x-api-key') ?? req.ip),
    store: new RedisWindowStore(redis, `rl:${name}:`),
  });
}
