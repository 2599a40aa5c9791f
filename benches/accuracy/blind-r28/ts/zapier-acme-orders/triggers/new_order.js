const { MongoClient } = require('mongodb');

const ONE_DAY_MS = 24 * 60 * 60 * 1000;

const perform = async (z, bundle) => {
  const client = new MongoClient(process.env.ORDERS_MONGO_URL, { maxPoolSize: 5, appName: 'zapier-new-order' });
  await client.connect();

  const since = bundle.meta.isLoadingSample ? new Date(0) : new Date(Date.now() - ONE_DAY_MS);
  const filter = { accountId: bundle.authData.accountId, createdAt: { $gte: since } };
  if (bundle.inputData.status) {
    filter.status = bundle.inputData.status;
  }

  const orders = await client
    .db('orders')
    .collection('orders')
    .find(filter)
    .sort({ createdAt: -1 })
    .limit(bundle.meta.limit > 0 ? bundle.meta.limit : 100)
    .toArray();

  return orders.map((order) => ({
    id: order._id.toHexString(),
    number: order.number,
    status: order.status,
    customerEmail: order.customer && order.customer.email,
    totalCents: order.totalCents,
    currency: order.currency,
    createdAt: order.createdAt.toISOString(),
  }));
};

module.exports = {
  key: 'new_order',
  noun: 'Order',
  display: {
    label: 'New Order',
    description: 'Triggers when a new order is placed in Acme.',
  },
  operation: {
    inputFields: [
      {
        key: 'status',
        label: 'Only orders with status',
        required: false,
        choices: { pending: 'Pending', paid: 'Paid', shipped: 'Shipped' },
      },
    ],
    perform,
    sample: {
      id: '66b1f0c2a1d4e5f6a7b8c9d0',
      number: 'A-10021',
      status: 'paid',
      customerEmail: 'jane@example.com',
      totalCents: 4599,
      currency: 'EUR',
      createdAt: '2024-08-06T10:15:00.000Z',
    },
    outputFields: [
      { key: 'id', label: 'Order ID' },
      { key: 'number', label: 'Order Number' },
      { key: 'totalCents', label: 'Total (cents)', type: 'integer' },
    ],
  },
};
