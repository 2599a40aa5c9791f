'use strict';

const { MongoClient } = require('mongodb');
const { Sender } = require('@questdb/nodejs-client');

const MONGO_URL = process.env.MONGO_URL || 'mongodb://greenhouse-hub.local:27017/?appName=station';
const QDB_CONF = process.env.QDB_CONF || 'http::addr=greenhouse-hub.local:9000;auto_flush_rows=200;auto_flush_interval=5000';

// Called once from main(); the station may boot before the hub is reachable,
// so keep retrying the first connect, discarding each failed client.
async function connectMongo(attempts = 20) {
  for (let attempt = 1; ; attempt++) {
    const client = new MongoClient(MONGO_URL, { serverSelectionTimeoutMS: 3000 });
    try {
      await client.connect();
      await client.db('admin').command({ ping: 1 });
      return client;
    } catch (err) {
      await client.close().catch(() => {});
      if (attempt >= attempts) throw err;
      console.warn(`mongo not reachable (attempt ${attempt}): ${err.message}`);
      await new Promise((r) => setTimeout(r, Math.min(1000 * attempt, 15000)));
    }
  }
}

async function createSender() {
  return Sender.fromConfig(QDB_CONF);
}

module.exports = { connectMongo, createSender, MONGO_URL };
