import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { setTimeout as sleep } from 'node:timers/promises';
import { connectMongoWithRetry, makeDynamo } from '../clients.js';

interface MirrorOptions {
  table: string;
  intervalSeconds: number;
}

// Long-running: `ordersctl mirror --table order-status` keeps DynamoDB's order-status table in step.
export async function mirrorStatuses(opts: MirrorOptions): Promise<void> {
  const mongo = await connectMongoWithRetry();
  const dynamo = makeDynamo();
  const orders = mongo.db('shop').collection<{ _id: string; status: string; updatedAt: Date }>('orders');

  let stopping = false;
  const stop = () => {
    stopping = true;
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);

  let watermark = new Date(Date.now() - opts.intervalSeconds * 1000);
  try {
    while (!stopping) {
      const changed = await orders
        .find({ updatedAt: { $gt: watermark } }, { projection: { status: 1, updatedAt: 1 } })
        .sort({ updatedAt: 1 })
        .limit(500)
        .toArray();

      for (let i = 0; i < changed.length; i += 25) {
        const chunk = changed.slice(i, i + 25);
        await dynamo.send(
          new BatchWriteCommand({
            RequestItems: {
              [opts.table]: chunk.map((o) => ({
                PutRequest: { Item: { orderId: String(o._id), status: o.status, updatedAt: o.updatedAt.toISOString() } },
              })),
            },
          }),
        );
      }
      if (changed.length > 0) {
        watermark = changed[changed.length - 1].updatedAt;
        console.log(`mirrored ${changed.length} status changes (up to ${watermark.toISOString()})`);
      }
      if (changed.length < 500) await sleep(opts.intervalSeconds * 1000);
    }
  } finally {
    dynamo.destroy();
    await mongo.close();
  }
}
