import { PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { getInvoice, invoiceLines, sql } from "./db.ts";

export type InvoiceJob =
  | { type: "render"; invoiceId: string }
  | { type: "send"; invoiceId: string; attempt: number };

async function renderPdf(number: string, lines: { description: string; quantity: number; unit_cents: number }[]) {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  page.drawText(`Invoice ${number}`, { x: 50, y: 790, size: 20, font });
  let y = 740;
  for (const line of lines) {
    const amount = ((line.quantity * line.unit_cents) / 100).toFixed(2);
    page.drawText(`${line.quantity} x ${line.description}  ${amount}`, { x: 50, y, size: 11, font });
    y -= 18;
  }
  return await doc.save();
}

export async function handleRender(invoiceId: string): Promise<void> {
  const invoice = await getInvoice(invoiceId);
  if (!invoice || invoice.status === "void") return;

  const pdf = await renderPdf(invoice.number, await invoiceLines(invoiceId));

  const s3 = new S3Client({
    region: Deno.env.get("AWS_REGION") ?? "eu-central-1",
    credentials: {
      accessKeyId: Deno.env.get("AWS_ACCESS_KEY_ID")!,
      secretAccessKey: Deno.env.get("AWS_SECRET_ACCESS_KEY")!,
    },
  });
  const key = `invoices/${invoice.customer_id}/${invoice.number}.pdf`;
  await s3.send(
    new PutObjectCommand({
      Bucket: Deno.env.get("INVOICE_BUCKET") ?? "acme-invoices",
      Key: key,
      Body: pdf,
      ContentType: "application/pdf",
    }),
  );

  await sql`update invoices set status = 'rendered', pdf_key = ${key}, updated_at = now() where id = ${invoiceId}`;
}

export async function handleSend(invoiceId: string, attempt: number): Promise<boolean> {
  const reserved = await sql.reserve();
  const [invoice] = await reserved<{ status: string; pdf_key: string | null; email: string }[]>`
    select i.status, i.pdf_key, c.billing_email as email
    from invoices i join customers c on c.id = i.customer_id
    where i.id = ${invoiceId}
    for update of i skip locked
  `;
  if (!invoice || invoice.status === "sent") {
    return true;
  }
  if (!invoice.pdf_key) {
    return false;
  }

  const res = await fetch(Deno.env.get("MAILER_URL") ?? "https://mailer.internal/send", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ to: invoice.email, template: "invoice", attachmentKey: invoice.pdf_key, attempt }),
  });
  if (!res.ok) {
    reserved.release();
    return false;
  }

  await reserved`update invoices set status = 'sent', sent_at = now() where id = ${invoiceId}`;
  reserved.release();
  return true;
}
