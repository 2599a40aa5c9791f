'use strict';
const Redis = require('ioredis');
const { buildings } = require('../datapoints.json');

// Each building's facility dashboard has its own Redis. The set of buildings is
// fixed by datapoints.json, so this cache holds at most one client per building.
const clients = new Map();

function dashboardRedis(building) {
  const conf = buildings[building];
  if (!conf) {
    throw new Error(`unknown building ${building}`);
  }
  let client = clients.get(building);
  if (!client) {
    client = new Redis(conf.redisUrl, { lazyConnect: false, maxRetriesPerRequest: 2 });
    client.on('error', (err) => console.error(`redis[${building}]`, err.message));
    clients.set(building, client);
  }
  return client;
}

async function publishValue(dp, value) {
  const redis = dashboardRedis(dp.building);
  await redis
    .multi()
    .hset(`knx:${dp.building}:state`, dp.ga, JSON.stringify(value))
    .publish(`knx:${dp.building}:changes`, JSON.stringify({ ga: dp.ga, name: dp.name, value }))
    .exec();
}

async function closeAll() {
  await Promise.all([...clients.values()].map((c) => c.quit()));
  clients.clear();
}

module.exports = { publishValue, closeAll };
