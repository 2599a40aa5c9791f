import { setTimeout as sleep } from 'node:timers/promises';
import { QueueClient, type DequeuedMessageItem } from '@azure/storage-queue';
import sql from 'mssql';
import { createPool, getInvoice } from './shared/db';

const MAX_DEQUEUE = 5;
let stopping = false;

async function connectWithRetry(): Promise<sql.ConnectionPool> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await createPool({ appName: 'invoicing-worker', max: 5 });
    } catch (err) {
      if (attempt === 6) throw err;
      console.warn(`Azure SQL not reachable yet (attempt ${attempt}), retrying`);
      await sleep(2_000 * attempt);
    }
  }
}

async function issueInvoice(pool: sql.ConnectionPool, invoiceId: number): Promise<void> {
  const invoice = await getInvoice(pool, invoiceId);
  if (!invoice || invoice.status !== 'draft') return;

  const tx = new sql.Transaction(pool);
  await tx.begin();
  try {
    await new sql.Request(tx)
      .input('id', sql.Int, invoiceId)
      .query("UPDATE invoices SET status = 'issued', issued_at = SYSUTCDATETIME() WHERE id = @id AND status = 'draft'");
    await new sql.Request(tx)
      .input('id', sql.Int, invoiceId)
      .input('customer', sql.NVarChar(64), invoice.customer_id)
      .input('amount', sql.BigInt, invoice.amount_cents)
      .query('INSERT INTO ledger_entries (invoice_id, customer_id, amount_cents, kind) VALUES (@id, @customer, @amount, \'receivable\')');
    await tx.commit();
  } catch (err) {
    await tx.rollback();
    throw err;
  }
}

async function handle(pool: sql.ConnectionPool, queue: QueueClient, message: DequeuedMessageItem): Promise<void> {
  const { invoiceId } = JSON.parse(Buffer.from(message.messageText, 'base64').toString('utf8')) as { invoiceId: number };
  try {
    await issueInvoice(pool, invoiceId);
    await queue.deleteMessage(message.messageId, message.popReceipt);
  } catch (err) {
    console.error(`invoice ${invoiceId} failed (dequeue #${message.dequeueCount})`, err);
    if (message.dequeueCount >= MAX_DEQUEUE) {
      await queue.deleteMessage(message.messageId, message.popReceipt);
    }
  }
}

async function main(): Promise<void> {
  const pool = await connectWithRetry();
  const queue = new QueueClient(process.env.AZURE_STORAGE_CONNECTION_STRING ?? '', 'invoice-render');
  await queue.createIfNotExists();

  process.once('SIGTERM', () => {
    stopping = true;
  });

  while (!stopping) {
    const { receivedMessageItems } = await queue.receiveMessages({ numberOfMessages: 16, visibilityTimeout: 120 });
    if (receivedMessageItems.length === 0) {
      await sleep(3_000);
      continue;
    }
    for (const message of receivedMessageItems) {
      await handle(pool, queue, message);
    }
  }
  await pool.close();
}

main().catch((err) => {
  console.error('worker crashed', err);
  process.exit(1);
});
