'use strict';

const Redis = require('ioredis');
const { Pool } = require('pg');

let redis = null;
let pgPool = null;

function getRedis() {
  if (redis === null) {
    redis = new Redis(process.env.QUOTA_REDIS_URL || 'redis://127.0.0.1:6379', {
      keyPrefix: 'egq:',
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
    });
    redis.on('error', (err) => console.error('[tenant-quota] redis error', err.message));
  }
  return redis;
}

function getPg() {
  if (pgPool === null) {
    pgPool = new Pool({
      connectionString: process.env.KEYS_DATABASE_URL,
      max: 8,
      idleTimeoutMillis: 30000,
    });
    pgPool.on('error', (err) => console.error('[tenant-quota] pg idle error', err.message));
  }
  return pgPool;
}

async function closeAll() {
  const pending = [];
  if (redis !== null) {
    pending.push(redis.quit().catch(() => redis.disconnect()));
    redis = null;
  }
  if (pgPool !== null) {
    pending.push(pgPool.end());
    pgPool = null;
  }
  await Promise.all(pending);
}

module.exports = { getRedis, getPg, closeAll };
