import { Job } from "sidequest";
import { S3Client, PutObjectCommand } from "@aws-sdk/client-s3";
import PDFDocument from "pdfkit";
import { pool } from "../db.js";

function renderPdf(invoice: { number: string; customer: string; lines: { label: string; cents: number }[] }): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: "A4", margin: 48 });
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    doc.fontSize(18).text(`Invoice ${invoice.number}`);
    doc.moveDown().fontSize(11).text(invoice.customer);
    for (const line of invoice.lines) {
      doc.text(`${line.label.padEnd(40)} ${(line.cents / 100).toFixed(2)} EUR`);
    }
    doc.end();
  });
}

export class RenderInvoiceJob extends Job {
  async run(invoiceId: string) {
    const { rows } = await pool.query(
      `select i.number, c.name as customer,
              json_agg(json_build_object('label', l.label, 'cents', l.amount_cents) order by l.position) as lines
         from invoices i
         join customers c on c.id = i.customer_id
         join invoice_lines l on l.invoice_id = i.id
        where i.id = $1
        group by i.number, c.name`,
      [invoiceId]
    );
    if (rows.length === 0) {
      return this.fail(`invoice ${invoiceId} not found`);
    }

    const pdf = await renderPdf(rows[0]);
    const s3 = new S3Client({ region: process.env.AWS_REGION ?? "eu-central-1" });
    const key = `invoices/${rows[0].number}.pdf`;
    await s3.send(
      new PutObjectCommand({
        Bucket: process.env.INVOICE_BUCKET,
        Key: key,
        Body: pdf,
        ContentType: "application/pdf",
      })
    );

    await pool.query("update invoices set pdf_key = $2, rendered_at = now() where id = $1", [invoiceId, key]);
    return { key, bytes: pdf.length };
  }
}
