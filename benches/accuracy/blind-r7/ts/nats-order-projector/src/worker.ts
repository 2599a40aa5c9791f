import { connect, JSONCodec } from 'nats';
import { MongoClient } from 'mongodb';
import { recordPurchase, alsoBought, closeGraph } from './graph.js';
import type { OrderEvent } from './types.js';

const jc = JSONCodec<OrderEvent>();

interface OrderView {
  _id: string;
  customerId: string;
  placedAt: Date;
  lines: number;
  totalCents: number;
}

async function project(evt: OrderEvent): Promise<void> {
  const mongo = new MongoClient(process.env.MONGO_URL ?? 'mongodb://localhost:27017', {
    appName: 'order-projector',
  });
  try {
    await mongo.connect();
    const totalCents = evt.items.reduce((sum, i) => sum + i.qty * i.priceCents, 0);
    await mongo
      .db('shop')
      .collection<OrderView>('order_views')
      .updateOne(
        { _id: evt.orderId },
        {
          $set: {
            customerId: evt.customerId,
            placedAt: new Date(evt.placedAt),
            lines: evt.items.length,
            totalCents,
          },
        },
        { upsert: true },
      );
  } finally {
    await mongo.close();
  }
}

async function main() {
  const nc = await connect({
    servers: process.env.NATS_URL ?? 'nats://localhost:4222',
    name: 'order-projector',
  });
  console.log(`connected to ${nc.getServer()}`);

  const shutdown = async () => {
    await nc.drain();
    await closeGraph();
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);

  const recs = nc.subscribe('orders.recommendations');
  (async () => {
    for await (const m of recs) {
      const sku = new TextDecoder().decode(m.data);
      m.respond(new TextEncoder().encode(JSON.stringify(await alsoBought(sku))));
    }
  })();

  const sub = nc.subscribe('orders.created', { queue: 'order-projector' });
  for await (const m of sub) {
    const evt = jc.decode(m.data);
    try {
      await project(evt);
      await recordPurchase(evt.customerId, evt.items.map((i) => i.sku));
    } catch (err) {
      console.error(`failed to project ${evt.orderId}`, err);
    }
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
