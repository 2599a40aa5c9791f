import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { Db } from '../lib/db';

interface Deps {
  db: Db;
  s3: S3Client;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

export async function renderInvoice(invoiceId: number, { db, s3 }: Deps): Promise<string> {
  // db.task holds one pooled connection for the three queries, then releases it.
  const { invoice, lines } = await db.task('render-invoice', async (t) => {
    const invoice = await t.one('SELECT id, customer_id, currency, total_cents FROM invoices WHERE id = $1', [invoiceId]);
    const lines = await t.any('SELECT description, qty, unit_cents FROM invoice_lines WHERE invoice_id = $1 ORDER BY id', [
      invoiceId,
    ]);
    return { invoice, lines };
  });

  const rows = lines
    .map((l) => `<tr><td>${escapeHtml(l.description)}</td><td>${l.qty}</td><td>${(l.unit_cents / 100).toFixed(2)}</td></tr>`)
    .join('');
  const html = `<html><body><h1>Invoice #${invoice.id}</h1><table>${rows}</table><p>Total ${(invoice.total_cents / 100).toFixed(2)} ${invoice.currency}</p></body></html>`;

  const key = `invoices/${invoice.customer_id}/${invoice.id}.html`;
  await s3.send(
    new PutObjectCommand({
      Bucket: process.env.INVOICE_BUCKET,
      Key: key,
      Body: html,
      ContentType: 'text/html; charset=utf-8',
    }),
  );
  await db.none('UPDATE invoices SET status = $2, pdf_key = $3 WHERE id = $1', [invoiceId, 'issued', key]);
  return key;
}
