'use strict';

const Redis = require('ioredis');

/** Builds a Redis client for the tag-dedup cache. */
function makeRedis() {
  return new Redis(process.env.REDIS_URL || 'redis://127.0.0.1:6379', {
    maxRetriesPerRequest: 2,
    enableAutoPipelining: true,
  });
}

module.exports = { makeRedis };
