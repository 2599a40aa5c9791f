import { connectMongo } from '../src/db/connect';

async function main() {
  const client = await connectMongo('shop-backfill');
  try {
    const db = client.db('shop');
    const cursor = db.collection('orders').find({}, { projection: { customerId: 1, lines: 1 } });
    let n = 0;
    for await (const order of cursor) {
      const total = (order.lines ?? []).reduce((s: number, l: { qty: number; price: number }) => s + l.qty * l.price, 0);
      await db
        .collection('customer_totals')
        .updateOne({ _id: order.customerId }, { $set: { [`orders.${order._id}`]: total } }, { upsert: true });
      n++;
    }
    console.log(`backfilled ${n} orders`);
  } finally {
    await client.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
