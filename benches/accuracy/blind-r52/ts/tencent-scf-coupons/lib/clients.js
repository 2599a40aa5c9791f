'use strict';

const { Pool } = require('pg');
const Redis = require('ioredis');
const COS = require('cos-nodejs-sdk-v5');

// SCF keeps the instance (and this module) warm between invocations, so every
// client below is created at most once per instance and reused by later calls.

let pool = null;
let redis = null;

function getPool() {
  if (pool === null) {
    pool = new Pool({
      connectionString: process.env.PG_URL,
      max: 2,
      idleTimeoutMillis: 60000,
      connectionTimeoutMillis: 3000,
      application_name: 'scf-coupons',
    });
    pool.on('error', (err) => {
      console.error('idle pg client error, dropping pool', err.message);
      pool = null;
    });
  }
  return pool;
}

function getRedis() {
  if (redis === null) {
    redis = new Redis(process.env.REDIS_URL, {
      lazyConnect: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 2000,
    });
  }
  return redis;
}

const cos = new COS({
  SecretId: process.env.TENCENTCLOUD_SECRETID,
  SecretKey: process.env.TENCENTCLOUD_SECRETKEY,
  SecurityToken: process.env.TENCENTCLOUD_SESSIONTOKEN,
  KeepAlive: true,
});

module.exports = { getPool, getRedis, cos };
