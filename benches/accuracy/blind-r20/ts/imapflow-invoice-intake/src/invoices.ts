import type { ParsedMail } from 'mailparser';
import { getPool } from './db.js';
import { transporter } from './mailer.js';

const AMOUNT_RE = /(?:total|amount due)[^\d]{0,20}([\d.,]+)\s*(EUR|USD|GBP)?/i;

export async function processInvoiceMail(mail: ParsedMail): Promise<void> {
  const sender = mail.from?.value[0]?.address?.toLowerCase();
  if (!sender) return;

  const pdfs = mail.attachments.filter((a) => a.contentType === 'application/pdf');
  const match = (mail.text ?? '').match(AMOUNT_RE);
  const amount = match ? Number(match[1].replace(/,(?=\d{2}$)/, '.').replace(/,/g, '')) : null;

  const client = await getPool().connect();
  let invoiceId: number;
  try {
    await client.query('BEGIN');
    const vendor = await client.query<{ id: number }>(
      'SELECT id FROM vendors WHERE $1 = ANY(invoice_senders)',
      [sender],
    );
    const res = await client.query<{ id: number }>(
      `INSERT INTO invoices (vendor_id, sender, subject, amount, currency, message_id, received_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [vendor.rows[0]?.id ?? null, sender, mail.subject ?? '', amount, match?.[2] ?? 'EUR', mail.messageId, mail.date ?? new Date()],
    );
    invoiceId = res.rows[0].id;
    for (const pdf of pdfs) {
      await client.query('INSERT INTO invoice_files (invoice_id, filename, content) VALUES ($1, $2, $3)', [
        invoiceId,
        pdf.filename ?? 'invoice.pdf',
        pdf.content,
      ]);
    }
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  } finally {
    client.release();
  }

  await transporter.sendMail({
    from: process.env.SMTP_FROM,
    to: sender,
    subject: `Received: ${mail.subject ?? 'your invoice'}`,
    text: `Thanks, your invoice was registered as #${invoiceId}.`,
  });
}
