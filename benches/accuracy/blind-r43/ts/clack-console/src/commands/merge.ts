import { confirm, isCancel, log, text } from '@clack/prompts';
import { ObjectId, type MongoClient } from 'mongodb';
import { DB_NAME } from '../lib/mongo.js';

export async function mergeAccounts(client: MongoClient): Promise<void> {
  const keep = await text({ message: 'Customer id to keep' });
  if (isCancel(keep)) return;
  const drop = await text({ message: 'Duplicate customer id to merge into it' });
  if (isCancel(drop)) return;
  const ok = await confirm({ message: `Move all orders from ${drop} to ${keep} and delete ${drop}?` });
  if (isCancel(ok) || !ok) return;

  const session = client.startSession();
  const db = client.db(DB_NAME);
  await session.withTransaction(async () => {
    const moved = await db
      .collection('orders')
      .updateMany({ customerId: new ObjectId(drop) }, { $set: { customerId: new ObjectId(keep) } }, { session });
    await db.collection('customers').deleteOne({ _id: new ObjectId(drop) }, { session });
    log.info(`moved ${moved.modifiedCount} orders`);
  });
  await session.endSession();
  log.success('Accounts merged');
}
