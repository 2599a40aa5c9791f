import workerpool from "workerpool";
import pg from "pg";
import PDFDocument from "pdfkit";
import { PutObjectCommand, S3Client } from "@aws-sdk/client-s3";

// Module scope of a worker thread: evaluated once per thread, not per task.
const db = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
const s3 = new S3Client({ region: process.env.AWS_REGION ?? "eu-central-1" });
const BUCKET = process.env.INVOICE_BUCKET ?? "invoices";

function toBuffer(doc) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    doc.on("data", (c) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    doc.end();
  });
}

async function renderInvoice(invoiceId) {
  const client = await db.connect();
  let invoice;
  let lines;
  try {
    ({ rows: [invoice] } = await client.query(
      "SELECT id, number, customer_name, issued_at, total_cents FROM invoices WHERE id = $1",
      [invoiceId],
    ));
    ({ rows: lines } = await client.query(
      "SELECT description, qty, unit_cents FROM invoice_lines WHERE invoice_id = $1 ORDER BY position",
      [invoiceId],
    ));
    await client.query("UPDATE invoices SET rendered_at = now() WHERE id = $1", [invoiceId]);
  } finally {
    client.release();
  }
  if (!invoice) throw new Error(`invoice ${invoiceId} not found`);

  const doc = new PDFDocument({ size: "A4", margin: 50 });
  doc.fontSize(20).text(`Invoice ${invoice.number}`);
  doc.fontSize(11).text(invoice.customer_name).moveDown();
  for (const l of lines) {
    doc.text(`${l.qty} × ${l.description}  ${(l.qty * l.unit_cents / 100).toFixed(2)}`);
  }
  doc.moveDown().text(`Total: ${(invoice.total_cents / 100).toFixed(2)}`);
  const pdf = await toBuffer(doc);

  const key = `pdf/${invoice.number}.pdf`;
  await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: pdf, ContentType: "application/pdf" }));
  return { key, bytes: pdf.length };
}

workerpool.worker({ renderInvoice });
