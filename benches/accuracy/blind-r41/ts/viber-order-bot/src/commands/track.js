'use strict';

const { connectMongo } = require('../lib/mongo');

async function track([orderNo], userProfile) {
  if (!orderNo) {
    return 'Usage: track <order number>';
  }
  const client = await connectMongo();
  const shipments = client.db('logistics').collection('shipments');
  const shipment = await shipments.findOne(
    { orderNo, 'customer.viberId': userProfile.id },
    { projection: { status: 1, carrier: 1, eta: 1, lastScan: 1 } },
  );
  if (!shipment) {
    return `I could not find order ${orderNo} on your account.`;
  }
  const eta = shipment.eta ? new Date(shipment.eta).toDateString() : 'unknown';
  return `Order ${orderNo}: ${shipment.status} with ${shipment.carrier} (last scan ${shipment.lastScan?.location ?? 'n/a'}). ETA ${eta}.`;
}

module.exports = { track };
