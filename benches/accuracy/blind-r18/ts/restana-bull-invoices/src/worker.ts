import { S3Client } from '@aws-sdk/client-s3';
import { createDb } from './lib/db';
import { createRenderQueue } from './lib/queue';
import { renderInvoice } from './jobs/render-invoice';

// Separate process (see Procfile): its own pool, its own queue connection.
const { pgp, db } = createDb('worker');
const s3 = new S3Client({ region: process.env.AWS_REGION ?? 'eu-west-1' });
const renderQueue = createRenderQueue();

renderQueue.process(4, async (job) => {
  const key = await renderInvoice(job.data.invoiceId, { db, s3 });
  return { key };
});

renderQueue.on('failed', (job, err) => {
  console.error(`render ${job.id} (invoice ${job.data.invoiceId}) failed: ${err.message}`);
});

process.once('SIGTERM', async () => {
  await renderQueue.close();
  s3.destroy();
  pgp.end();
});
