import type { ChangeStreamDocument, Db, Document } from 'mongodb';

export async function handleOrderChange(db: Db, change: ChangeStreamDocument<Document>): Promise<void> {
  if (change.operationType !== 'insert' && change.operationType !== 'update') return;
  const order = change.fullDocument;
  if (!order) return;

  const total = (order.lines ?? []).reduce(
    (sum: number, l: { qty: number; price: number }) => sum + l.qty * l.price,
    0,
  );
  await db.collection('customer_totals').updateOne(
    { _id: order.customerId },
    { $set: { [`orders.${order._id}`]: total }, $currentDate: { updatedAt: true } },
    { upsert: true },
  );
}
