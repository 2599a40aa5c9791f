import { DBOS } from '@dbos-inc/dbos-sdk';
import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';
import PDFDocument from 'pdfkit';
import { and, eq, lt } from 'drizzle-orm';
import { db } from './db';
import { orders, invoices, type Order } from './schema';
import { agingBuckets } from './reporting';

const BUCKET = process.env.INVOICE_BUCKET ?? 'acme-invoices';
const PAYMENT_TERMS_DAYS = 30;

function renderPdf(order: Order, number: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 50 });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.fontSize(20).text(`Invoice ${number}`);
    doc.moveDown().fontSize(12).text(`Order ${order.orderNo}`);
    doc.text(`Amount: ${(order.totalCents / 100).toFixed(2)} ${order.currency}`);
    doc.end();
  });
}

export class InvoiceWorkflows {
  @DBOS.step()
  static async loadOrder(orderNo: string): Promise<Order> {
    const row = await db.query.orders.findFirst({ where: eq(orders.orderNo, orderNo) });
    if (!row) throw new Error(`order ${orderNo} not found`);
    return row;
  }

  @DBOS.step({ retriesAllowed: true, maxAttempts: 5, intervalSeconds: 2 })
  static async publishPdf(order: Order, number: string): Promise<string> {
    const key = `invoices/${number}.pdf`;
    const pdf = await renderPdf(order, number);
    const s3 = new S3Client({ region: process.env.AWS_REGION ?? 'eu-central-1' });
    await s3.send(
      new PutObjectCommand({
        Bucket: BUCKET,
        Key: key,
        Body: pdf,
        ContentType: 'application/pdf',
      }),
    );
    return key;
  }

  @DBOS.step()
  static async insertInvoice(order: Order, number: string, pdfKey: string): Promise<number> {
    const dueAt = new Date(Date.now() + PAYMENT_TERMS_DAYS * 86_400_000);
    const [row] = await db
      .insert(invoices)
      .values({
        orderId: order.id,
        number,
        pdfKey,
        amount: (order.totalCents / 100).toFixed(2),
        dueAt,
      })
      .returning({ id: invoices.id });
    return row.id;
  }

  @DBOS.workflow()
  static async issueInvoice(orderNo: string): Promise<{ invoiceId: number; pdfKey: string }> {
    const order = await InvoiceWorkflows.loadOrder(orderNo);
    const number = `INV-${new Date().getUTCFullYear()}-${String(order.id).padStart(7, '0')}`;
    const pdfKey = await InvoiceWorkflows.publishPdf(order, number);
    const invoiceId = await InvoiceWorkflows.insertInvoice(order, number, pdfKey);
    DBOS.logger.info(`issued ${number} for ${orderNo}`);
    return { invoiceId, pdfKey };
  }

  @DBOS.step()
  static async markOverdue(now: Date): Promise<number> {
    const updated = await db
      .update(invoices)
      .set({ status: 'overdue' })
      .where(and(eq(invoices.status, 'issued'), lt(invoices.dueAt, now)))
      .returning({ id: invoices.id });
    return updated.length;
  }

  @DBOS.step()
  static async snapshotAging(now: Date): Promise<void> {
    const buckets = await agingBuckets(now);
    DBOS.logger.info(`aging: ${JSON.stringify(buckets)}`);
  }

  @DBOS.scheduled({ crontab: '0 */6 * * *' })
  @DBOS.workflow()
  static async sweepOverdue(scheduledTime: Date, _startTime: Date): Promise<void> {
    const n = await InvoiceWorkflows.markOverdue(scheduledTime);
    DBOS.logger.info(`marked ${n} invoices overdue`);
    await InvoiceWorkflows.snapshotAging(scheduledTime);
  }
}
