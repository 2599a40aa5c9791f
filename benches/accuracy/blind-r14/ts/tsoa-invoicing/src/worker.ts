// Separate process (`npm run start:worker`): renders PDFs for issued invoices.
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { closePool, getPool } from './db';
import { s3 } from './storage';

let running = true;
process.on('SIGTERM', () => {
  running = false;
});

function renderPdf(invoiceId: string): Buffer {
  return Buffer.from(`%PDF-1.4\n% invoice ${invoiceId}\n`);
}

async function processNext(): Promise<boolean> {
  const client = await getPool().connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query<{ id: string }>(
      `SELECT id FROM invoices WHERE status = 'issued' AND pdf_key IS NULL
        ORDER BY issued_at LIMIT 1 FOR UPDATE SKIP LOCKED`,
    );
    if (rows.length === 0) {
      await client.query('COMMIT');
      return false;
    }
    const key = `invoices/${rows[0].id}.pdf`;
    await s3.send(new PutObjectCommand({ Bucket: process.env.INVOICE_BUCKET, Key: key, Body: renderPdf(rows[0].id) }));
    await client.query('UPDATE invoices SET pdf_key = $1 WHERE id = $2', [key, rows[0].id]);
    await client.query('COMMIT');
    return true;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

async function main(): Promise<void> {
  while (running) {
    try {
      const didWork = await processNext();
      if (!didWork) await new Promise((r) => setTimeout(r, 2_000));
    } catch (err) {
      console.error('pdf job failed', err);
      await new Promise((r) => setTimeout(r, 5_000));
    }
  }
  await closePool();
}

void main();
