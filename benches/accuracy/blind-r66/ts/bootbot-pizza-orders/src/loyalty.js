'use strict';
const { MongoClient } = require('mongodb');

const client = new MongoClient(process.env.MONGO_URL || 'mongodb://localhost:27017', {
  appName: 'pizza-bot-loyalty',
  maxPoolSize: 5,
});
const cards = client.db('pizzeria').collection('loyalty_cards');

const STAMPS_FOR_FREE_PIZZA = 10;

async function addStamp(psid) {
  const res = await cards.findOneAndUpdate(
    { psid },
    { $inc: { stamps: 1 }, $setOnInsert: { createdAt: new Date() } },
    { upsert: true, returnDocument: 'after' },
  );
  return res ? res.stamps : 1;
}

async function stampsFor(psid) {
  const card = await cards.findOne({ psid });
  return card ? card.stamps : 0;
}

module.exports = { addStamp, stampsFor, STAMPS_FOR_FREE_PIZZA };
