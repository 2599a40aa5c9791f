'use strict';

const { MongoClient } = require('mongodb');

const mongo = new MongoClient(process.env.MONGO_URL || 'mongodb://127.0.0.1:27017', {
  maxPoolSize: 5,
});
const trail = mongo.db('pos').collection('order_audit');

async function recordChange(id, order, peer) {
  await trail.insertOne({
    orderId: id,
    status: order.status,
    total: Number(order.total),
    peer: peer || null,
    at: new Date(),
  });
}

async function close() {
  await mongo.close();
}

module.exports = { recordChange, close };
