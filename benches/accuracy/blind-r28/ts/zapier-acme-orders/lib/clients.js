const Redis = require('ioredis');
const { Pool } = require('pg');

const ROUTING_REDIS_URL = process.env.ROUTING_REDIS_URL || 'redis://localhost:6379/2';

function makeRedis() {
  return new Redis(ROUTING_REDIS_URL, {
    maxRetriesPerRequest: 2,
    enableAutoPipelining: true,
    connectTimeout: 2000,
  });
}

// Billing databases are sharded by cluster. Pools are kept per cluster so that a warm
// container reuses them across invocations.
const billingPools = new Map();

function billingPool(authData) {
  const cluster = (authData.billingCluster || 'default').toLowerCase();
  let pool = billingPools.get(cluster);
  if (!pool) {
    pool = new Pool({
      connectionString: process.env[`BILLING_DB_${cluster.toUpperCase()}`],
      max: 2,
      idleTimeoutMillis: 10000,
      ssl: { rejectUnauthorized: false },
    });
    billingPools.set(cluster, pool);
  }
  return pool;
}

function toCents(amount) {
  const value = typeof amount === 'string' ? parseFloat(amount) : amount;
  if (!Number.isFinite(value)) {
    throw new Error(`Invalid amount: ${amount}`);
  }
  return Math.round(value * 100);
}

module.exports = { makeRedis, billingPool, toCents };
