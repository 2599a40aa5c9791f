import type { CollectionConfig, PayloadRequest } from 'payload';
import { MongoClient } from 'mongodb';
import { syncOrderToWarehouse } from '../hooks/syncToWarehouse';

async function orderTimeline(req: PayloadRequest): Promise<Response> {
  const id = req.routeParams?.id as string;
  const order = await req.payload.findByID({ collection: 'orders', id, req });

  const analytics = new MongoClient(process.env.ANALYTICS_MONGO_URL!);
  const events = await analytics
    .db('analytics')
    .collection('order_events')
    .find({ orderId: id })
    .sort({ at: 1 })
    .limit(200)
    .toArray();

  return Response.json({ order: { id: order.id, status: order.status }, events });
}

export const Orders: CollectionConfig = {
  slug: 'orders',
  admin: { useAsTitle: 'reference' },
  fields: [
    { name: 'reference', type: 'text', required: true },
    {
      name: 'status',
      type: 'select',
      options: ['pending', 'paid', 'shipped', 'cancelled'],
      defaultValue: 'pending',
    },
    { name: 'customerEmail', type: 'email' },
    { name: 'total', type: 'number' },
  ],
  hooks: {
    afterChange: [syncOrderToWarehouse],
  },
  endpoints: [
    {
      path: '/:id/timeline',
      method: 'get',
      handler: orderTimeline,
    },
  ],
};
