'use strict';

const Redis = require('ioredis');

let redis = null;

function cache() {
  if (redis === null) {
    redis = new Redis(process.env.REDIS_URL || 'redis://redis.default.svc:6379', {
      maxRetriesPerRequest: 1,
      enableOfflineQueue: false,
    });
    redis.on('error', (err) => console.warn('[loyalty] redis', err.message));
  }
  return redis;
}

module.exports = { cache };
