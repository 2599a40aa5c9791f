// One-off: start a charge workflow for every open invoice created before a cut-off date.
//   npm run backfill -- 2024-05-01
import { Client, Connection } from '@temporalio/client';
import { MongoClient } from 'mongodb';

async function main(): Promise<void> {
  const cutoff = new Date(process.argv[2] ?? Date.now());
  const mongo = new MongoClient(process.env.MONGODB_URI ?? 'mongodb://localhost:27017');
  const connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS ?? 'localhost:7233' });
  const temporal = new Client({ connection, namespace: 'billing' });

  try {
    await mongo.connect();
    const cursor = mongo
      .db('billing')
      .collection('invoices')
      .find({ status: 'open', createdAt: { $lt: cutoff } }, { projection: { _id: 1 } });

    let started = 0;
    for await (const doc of cursor) {
      await temporal.workflow.start('chargeInvoiceWorkflow', {
        taskQueue: 'billing',
        workflowId: `charge-${doc._id}`,
        args: [String(doc._id)],
      });
      started++;
    }
    console.log(`started ${started} workflows`);
  } finally {
    await connection.close();
    await mongo.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
