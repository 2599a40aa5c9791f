'use strict';
const { MongoClient } = require('mongodb');

const MONGO_URL = process.env.MONGO_URL || 'mongodb://localhost:27017';

async function getOrdersDb() {
  const client = new MongoClient(MONGO_URL, { appName: 'pizza-bot-orders' });
  await client.connect();
  return client.db('pizzeria');
}

module.exports = { getOrdersDb };
