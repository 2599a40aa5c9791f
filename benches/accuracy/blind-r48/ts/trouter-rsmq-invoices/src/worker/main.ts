import type pg from 'pg';
import { createPool } from '../lib/db.js';
import { createQueue, QNAME } from '../lib/queue.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let running = true;

async function recompute(pool: pg.Pool, invoiceId: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { rows: lines } = await client.query<{ qty: number; unit_cents: number; tax_rate: string }>(
      'SELECT qty, unit_cents, tax_rate FROM invoice_lines WHERE invoice_id = $1 FOR UPDATE',
      [invoiceId],
    );
    let subtotal = 0;
    let tax = 0;
    for (const l of lines) {
      const net = l.qty * l.unit_cents;
      subtotal += net;
      tax += Math.round(net * Number(l.tax_rate));
    }
    await client.query(
      `UPDATE invoices SET status = 'ready', subtotal_cents = $2, tax_cents = $3,
              total_cents = $2 + $3, computed_at = now() WHERE id = $1`,
      [invoiceId, subtotal, tax],
    );
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

async function main(): Promise<void> {
  const pool = await createPool(4);
  const rsmq = await createQueue();

  process.on('SIGTERM', () => {
    running = false;
  });

  while (running) {
    const msg = await rsmq.receiveMessageAsync({ qname: QNAME });
    if (!('id' in msg) || !msg.id) {
      await sleep(1000);
      continue;
    }
    try {
      const { invoiceId } = JSON.parse(msg.message);
      await recompute(pool, invoiceId);
      await rsmq.deleteMessageAsync({ qname: QNAME, id: msg.id });
    } catch (err) {
      console.error(`message ${msg.id} failed (attempt ${msg.rc}):`, err);
    }
  }

  rsmq.quit();
  await pool.end();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
