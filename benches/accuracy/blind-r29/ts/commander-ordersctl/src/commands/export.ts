import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { makeMongo } from '../clients.js';

interface ExportOptions {
  since: string;
  out: string;
  status?: string;
}

// One-off: `ordersctl export --since 2024-06-01 --out orders.ndjson`
export async function exportOrders(opts: ExportOptions): Promise<void> {
  const since = new Date(opts.since);
  if (Number.isNaN(since.getTime())) throw new Error(`invalid --since ${opts.since}`);

  const mongo = makeMongo();
  const out = createWriteStream(opts.out, { encoding: 'utf8' });
  let n = 0;
  try {
    await mongo.connect();
    const cursor = mongo
      .db('shop')
      .collection('orders')
      .find({ createdAt: { $gte: since }, ...(opts.status ? { status: opts.status } : {}) })
      .sort({ createdAt: 1 })
      .batchSize(1000);
    for await (const doc of cursor) {
      if (!out.write(JSON.stringify(doc) + '\n')) await once(out, 'drain');
      n++;
    }
  } finally {
    out.end();
    await mongo.close();
  }
  console.log(`exported ${n} orders to ${opts.out}`);
}

// One-off: `ordersctl count --status paid`
export async function countOrders(status: string): Promise<void> {
  const mongo = makeMongo();
  try {
    await mongo.connect();
    const n = await mongo.db('shop').collection('orders').countDocuments({ status });
    console.log(`${n} orders with status ${status}`);
  } finally {
    await mongo.close();
  }
}
