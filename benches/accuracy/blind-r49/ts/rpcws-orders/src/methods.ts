import { Pool } from "pg";
import { PutObjectCommand, S3Client } from "@aws-sdk/client-s3";

interface CreateOrderParams {
  customerId: string;
  lines: { sku: string; qty: number }[];
}

export async function createOrder(params: CreateOrderParams): Promise<{ orderId: string }> {
  const pool = new Pool({ connectionString: process.env.ORDERS_DATABASE_URL, max: 4 });
  try {
    const { rows } = await pool.query<{ id: string }>(
      "INSERT INTO orders (customer_id, lines) VALUES ($1, $2) RETURNING id",
      [params.customerId, JSON.stringify(params.lines)],
    );
    return { orderId: rows[0].id };
  } finally {
    await pool.end();
  }
}

export async function attachInvoice(params: { orderId: string; pdfBase64: string }): Promise<{ key: string }> {
  const s3 = new S3Client({ region: process.env.AWS_REGION ?? "eu-central-1" });
  const key = `invoices/${params.orderId}.pdf`;
  await s3.send(
    new PutObjectCommand({
      Bucket: process.env.INVOICE_BUCKET,
      Key: key,
      Body: Buffer.from(params.pdfBase64, "base64"),
      ContentType: "application/pdf",
    }),
  );
  return { key };
}
