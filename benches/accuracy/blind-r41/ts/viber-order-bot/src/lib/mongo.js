'use strict';

const { MongoClient } = require('mongodb');

async function connectMongo() {
  const client = new MongoClient(process.env.MONGO_URL, {
    appName: 'viber-order-bot',
    serverSelectionTimeoutMS: 5000,
  });
  await client.connect();
  return client;
}

module.exports = { connectMongo };
