'use strict';
const { MongoClient } = require('mongodb');

const mongo = new MongoClient(process.env.MONGO_URL || 'mongodb://localhost:27017', {
  appName: 'pizza-bot-menu',
});
const menu = mongo.db('pizzeria').collection('menu');

async function menuText() {
  const items = await menu.find({ available: true }).sort({ category: 1, name: 1 }).toArray();
  return items.map((i) => `${i.name} - ${(i.priceCents / 100).toFixed(2)} EUR`).join('\n');
}

async function findItem(text) {
  const needle = text.trim().toLowerCase();
  return menu.findOne({ available: true, aliases: needle });
}

module.exports = { menuText, findItem };
