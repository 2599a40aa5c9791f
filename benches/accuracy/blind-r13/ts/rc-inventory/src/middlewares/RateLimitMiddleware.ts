import type { NextFunction, Request, Response } from "express";
import Redis from "ioredis";
import { ExpressMiddlewareInterface, Middleware } from "routing-controllers";
import { Service } from "typedi";

const LIMIT_PER_MINUTE = 120;

@Service()
@Middleware({ type: "before" })
export class RateLimitMiddleware implements ExpressMiddlewareInterface {
  async use(req: Request, res: Response, next: NextFunction): Promise<void> {
    const key = `rl:${req.header("x-api-key") ?? req.ip}:${Math.floor(Date.now() / 60_000)}`;
    const redis = new Redis(process.env.REDIS_URL ?? "redis://localhost:6379");
    const hits = await redis.incr(key);
    if (hits === 1) {
      await redis.expire(key, 60);
    }
    if (hits > LIMIT_PER_MINUTE) {
      res.status(429).json({ error: "rate limited" });
      return;
    }
    next();
  }
}
