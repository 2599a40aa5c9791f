'use strict';

const Redis = require('ioredis');

async function notify([orderNo], userProfile) {
  if (!orderNo) {
    return 'Usage: notify <order number>';
  }
  const redis = new Redis(process.env.REDIS_URL);
  await redis.sadd(`delivery-watchers:${orderNo}`, userProfile.id);
  await redis.expire(`delivery-watchers:${orderNo}`, 60 * 60 * 24 * 14);
  return `OK ${userProfile.name}, I will message you when ${orderNo} is delivered.`;
}

module.exports = { notify };
