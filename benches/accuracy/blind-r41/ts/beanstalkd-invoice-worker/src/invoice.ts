import PDFDocument from 'pdfkit';
import type pg from 'pg';
import type { Transporter } from 'nodemailer';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';

export interface InvoiceJob {
  invoiceId: number;
}

export interface Deps {
  pool: pg.Pool;
  s3: S3Client;
  mailer: Transporter;
  bucket: string;
}

function renderPdf(invoice: { number: string; customer: string; lines: { label: string; cents: number }[] }): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 50 });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.fontSize(20).text(`Invoice ${invoice.number}`).moveDown();
    doc.fontSize(12).text(invoice.customer).moveDown();
    for (const line of invoice.lines) doc.text(`${line.label}  ${(line.cents / 100).toFixed(2)} EUR`);
    doc.end();
  });
}

export async function processInvoice({ pool, s3, mailer, bucket }: Deps, job: InvoiceJob): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query(
      `SELECT i.number, i.status, c.name, c.email FROM invoices i JOIN customers c ON c.id = i.customer_id
        WHERE i.id = $1 FOR UPDATE OF i`,
      [job.invoiceId],
    );
    const inv = rows[0];
    if (!inv || inv.status === 'sent') {
      await client.query('ROLLBACK');
      return;
    }
    const { rows: lines } = await client.query(
      'SELECT label, amount_cents AS cents FROM invoice_lines WHERE invoice_id = $1 ORDER BY position',
      [job.invoiceId],
    );
    const pdf = await renderPdf({ number: inv.number, customer: inv.name, lines });
    const key = `invoices/${inv.number}.pdf`;
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: pdf, ContentType: 'application/pdf' }));
    await mailer.sendMail({
      to: inv.email,
      subject: `Your invoice ${inv.number}`,
      text: 'Please find your invoice attached.',
      attachments: [{ filename: `${inv.number}.pdf`, content: pdf }],
    });
    await client.query("UPDATE invoices SET status = 'sent', pdf_key = $2, sent_at = now() WHERE id = $1", [job.invoiceId, key]);
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  } finally {
    client.release();
  }
}
