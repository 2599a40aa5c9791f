'use strict';

const sbs1 = require('sbs1');
const { MongoClient } = require('mongodb');
const { Pool } = require('undici');

const { makeTracker } = require('./tracker');
const { makeEnricher } = require('./enrich');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// The Pi boots faster than the NAS running MongoDB; wait for it before
// attaching to the feed.
async function connectMongo() {
  const mongo = new MongoClient(process.env.MONGO_URL || 'mongodb://nas.local:27017', {
    appName: 'sbs1-flight-logger',
    serverSelectionTimeoutMS: 5000,
  });
  for (let attempt = 1; ; attempt++) {
    try {
      await mongo.connect();
      await mongo.db('adsb').command({ ping: 1 });
      return mongo;
    } catch (err) {
      if (attempt === 12) {
        await mongo.close();
        throw err;
      }
      console.warn(`mongo not reachable (attempt ${attempt}): ${err.message}`);
      await sleep(5000);
    }
  }
}

async function main() {
  const mongo = await connectMongo();
  const db = mongo.db('adsb');
  const adsbdb = new Pool('https://api.adsbdb.com', { connections: 2, keepAliveTimeout: 30000 });

  const enrich = makeEnricher(adsbdb, db.collection('aircraft'));
  const tracker = makeTracker(db.collection('positions'), enrich);

  const feed = sbs1.createClient({
    host: process.env.SBS_HOST || '127.0.0.1',
    port: Number(process.env.SBS_PORT || 30003),
  });

  feed.on('message', (msg) => {
    if (msg.message_type !== sbs1.MessageType.TRANSMISSION) return;
    tracker.onTransmission(msg);
  });
  feed.on('error', (err) => console.error('sbs1 feed error', err.message));

  const flushTimer = setInterval(() => {
    tracker.flush().catch((err) => console.error('flush failed', err.message));
  }, 10000);

  const shutdown = async () => {
    clearInterval(flushTimer);
    await tracker.flush().catch(() => {});
    await Promise.allSettled([mongo.close(), adsbdb.close()]);
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);

  console.log('logging SBS-1 feed');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
