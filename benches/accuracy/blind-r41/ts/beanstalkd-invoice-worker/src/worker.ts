import Beanstalkd from 'beanstalkd';
import nodemailer from 'nodemailer';
import { S3Client } from '@aws-sdk/client-s3';
import { createPool } from './db.js';
import { processInvoice, type InvoiceJob } from './invoice.js';

const TUBE = 'invoices';
let running = true;

async function main(): Promise<void> {
  const pool = await createPool();
  const s3 = new S3Client({ region: process.env.AWS_REGION ?? 'eu-central-1' });
  const mailer = nodemailer.createTransport({
    pool: true,
    maxConnections: 3,
    host: process.env.SMTP_HOST,
    port: Number(process.env.SMTP_PORT ?? 587),
    auth: { user: process.env.SMTP_USER, pass: process.env.SMTP_PASS },
  });
  const deps = { pool, s3, mailer, bucket: process.env.INVOICE_BUCKET ?? 'acme-invoices' };

  const bean = await new Beanstalkd(process.env.BEANSTALKD_HOST ?? '127.0.0.1', 11300).connect();
  await bean.watch(TUBE);
  await bean.ignore('default');

  process.on('SIGTERM', () => {
    running = false;
  });

  // One reserved job per iteration; every client used below was built above.
  while (running) {
    const [jobId, payload] = await bean.reserve();
    let job: InvoiceJob;
    try {
      job = JSON.parse(payload.toString());
    } catch {
      await bean.bury(jobId, 1024);
      continue;
    }
    try {
      await processInvoice(deps, job);
      await bean.delete(jobId);
    } catch (err) {
      console.error(`invoice ${job.invoiceId} failed`, err);
      await bean.release(jobId, 1024, 60);
    }
  }

  await bean.quit();
  mailer.close();
  s3.destroy();
  await pool.end();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
