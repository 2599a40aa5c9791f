'use strict';

const Redis = require('ioredis');

const TENANTS = ['acme', 'globex'];
const clients = new Map();

// One Redis connection per tenant, kept for the life of the container.
function redisFor(tenant, params) {
  if (!TENANTS.includes(tenant)) {
    throw new Error(`unknown tenant ${tenant}`);
  }
  let redis = clients.get(tenant);
  if (!redis) {
    redis = new Redis(params[`REDIS_URL_${tenant.toUpperCase()}`], { keyPrefix: `${tenant}:` });
    clients.set(tenant, redis);
  }
  return redis;
}

module.exports = { redisFor, TENANTS };
