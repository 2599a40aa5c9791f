import type pg from "pg";
import PDFDocument from "pdfkit";
import { PutObjectCommand, type S3Client } from "@aws-sdk/client-s3";

export interface OrderCompleted {
  orderId: string;
  customerId: string;
  currency: string;
  lines: Array<{ sku: string; description: string; qty: number; unitCents: number }>;
}

function renderPdf(invoiceNo: string, order: OrderCompleted): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: "A4", margin: 50 });
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    doc.fontSize(18).text(`Invoice ${invoiceNo}`);
    doc.moveDown();
    for (const l of order.lines) {
      doc.fontSize(11).text(`${l.qty} × ${l.description} @ ${(l.unitCents / 100).toFixed(2)} ${order.currency}`);
    }
    doc.end();
  });
}

export function makeHandlers(deps: { pool: pg.Pool; s3: S3Client; bucket: string }) {
  const { pool, s3, bucket } = deps;

  async function orderCompleted(order: OrderCompleted): Promise<void> {
    const total = order.lines.reduce((sum, l) => sum + l.qty * l.unitCents, 0);

    const client = await pool.connect();
    let invoiceNo: string;
    try {
      await client.query("BEGIN");
      const existing = await client.query<{ invoice_no: string }>(
        "SELECT invoice_no FROM invoices WHERE order_id = $1",
        [order.orderId],
      );
      if (existing.rows.length > 0) {
        await client.query("ROLLBACK");
        return; // redelivery of an already-invoiced order
      }
      const { rows } = await client.query<{ invoice_no: string }>(
        `INSERT INTO invoices (order_id, customer_id, currency, total_cents, invoice_no)
         VALUES ($1, $2, $3, $4, 'INV-' || nextval('invoice_seq'))
         RETURNING invoice_no`,
        [order.orderId, order.customerId, order.currency, total],
      );
      invoiceNo = rows[0].invoice_no;
      await client.query("COMMIT");
    } catch (err) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }

    const pdf = await renderPdf(invoiceNo, order);
    await s3.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: `invoices/${order.customerId}/${invoiceNo}.pdf`,
        Body: pdf,
        ContentType: "application/pdf",
      }),
    );
    await pool.query("UPDATE invoices SET pdf_stored = true WHERE invoice_no = $1", [invoiceNo]);
  }

  async function orderCancelled(payload: { orderId: string }): Promise<void> {
    await pool.query(
      "UPDATE invoices SET voided_at = now() WHERE order_id = $1 AND voided_at IS NULL",
      [payload.orderId],
    );
  }

  return { orderCompleted, orderCancelled };
}
