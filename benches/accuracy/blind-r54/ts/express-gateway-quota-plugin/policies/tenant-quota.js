'use strict';

const { getRedis } = require('../lib/clients');

const DEFAULT_LIMITS = { free: 60, pro: 600, enterprise: 6000 };

module.exports = {
  name: 'tenant-quota',
  schema: {
    $id: 'http://express-gateway.io/schemas/policies/tenant-quota.json',
    type: 'object',
    properties: {
      windowSeconds: { type: 'number', default: 60 },
      limits: { type: 'object', default: DEFAULT_LIMITS },
      failOpen: { type: 'boolean', default: true },
    },
  },
  policy: (actionParams) => {
    const windowSeconds = actionParams.windowSeconds || 60;
    const limits = Object.assign({}, DEFAULT_LIMITS, actionParams.limits);

    return async (req, res, next) => {
      const tenant = req.egContext.tenant;
      if (!tenant) {
        return res.status(401).json({ error: 'unauthenticated' });
      }
      const bucket = Math.floor(Date.now() / 1000 / windowSeconds);
      const key = `${tenant.id}:${bucket}`;
      const limit = limits[tenant.plan] || limits.free;

      let used;
      try {
        const redis = getRedis();
        const [[, count]] = await redis.multi().incr(key).expire(key, windowSeconds * 2).exec();
        used = count;
      } catch (err) {
        if (actionParams.failOpen !== false) return next();
        return res.status(503).json({ error: 'quota_unavailable' });
      }

      res.setHeader('X-RateLimit-Limit', String(limit));
      res.setHeader('X-RateLimit-Remaining', String(Math.max(0, limit - used)));
      if (used > limit) {
        res.setHeader('Retry-After', String(windowSeconds));
        return res.status(429).json({ error: 'quota_exceeded' });
      }
      return next();
    };
  },
};
