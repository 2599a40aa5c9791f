'use strict';

const { MongoClient } = require('mongodb');
const { upsertOrder } = require('./store/orders');
const { recordChange } = require('./store/audit');

const lastSeen = new Map();

async function bumpDailyTotals(order) {
  const analytics = new MongoClient(process.env.ANALYTICS_MONGO_URL);
  const day = new Date().toISOString().slice(0, 10);
  await analytics
    .db('analytics')
    .collection('stall_daily')
    .updateOne(
      { stall: order.stall, day },
      { $inc: { orders: 1, revenue: Number(order.total) } },
      { upsert: true },
    );
}

// Runs for every update GUN sees on any order node (local writes and
// writes relayed from the stall tablets), including repeated updates.
async function onOrder(order, id) {
  if (!order || !order.stall) return;
  const fingerprint = `${order.status}:${order.total}`;
  if (lastSeen.get(id) === fingerprint) return;
  lastSeen.set(id, fingerprint);

  await upsertOrder(id, order);
  await recordChange(id, order, order._ && order._['>'] ? 'graph' : null);
  if (order.status === 'paid') {
    await bumpDailyTotals(order);
  }
}

module.exports = { onOrder };
