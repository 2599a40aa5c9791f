'use strict';

const { MongoClient } = require('mongodb');

const client = new MongoClient(process.env.MONGO_URL || 'mongodb://127.0.0.1:27017', {
  maxPoolSize: 10,
  appName: 'gun-relay-orders',
});
const orders = client.db('pos').collection('orders');

async function upsertOrder(id, order) {
  await orders.updateOne(
    { _id: id },
    {
      $set: {
        stall: order.stall,
        total: Number(order.total),
        status: order.status,
        updatedAt: new Date(),
      },
      $setOnInsert: { createdAt: new Date() },
    },
    { upsert: true },
  );
}

async function close() {
  await client.close();
}

module.exports = { upsertOrder, close };
