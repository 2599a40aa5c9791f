// Run by hand from the Windmill UI (or by the month-end flow) to hand the
// accountants a CSV of all paid invoices for a month.
import { Client } from "pg";
import { S3Client, PutObjectCommand } from "@aws-sdk/client-s3";

type Postgresql = {
  host: string;
  port: number;
  user: string;
  dbname: string;
  sslmode: string;
  password: string;
};

type AwsCredentials = {
  region: string;
  awsAccessKeyId: string;
  awsSecretAccessKey: string;
};

function csvCell(v: unknown): string {
  const s = v === null || v === undefined ? "" : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export async function main(warehouse: Postgresql, aws: AwsCredentials, month: string, bucket = "acme-finance-exports") {
  if (!/^\d{4}-\d{2}$/.test(month)) throw new Error("month must look like 2024-06");

  const db = new Client({
    host: warehouse.host,
    port: warehouse.port,
    user: warehouse.user,
    password: warehouse.password,
    database: warehouse.dbname,
    ssl: warehouse.sslmode === "disable" ? false : { rejectUnauthorized: false },
  });
  const s3 = new S3Client({
    region: aws.region,
    credentials: { accessKeyId: aws.awsAccessKeyId, secretAccessKey: aws.awsSecretAccessKey },
  });

  await db.connect();
  try {
    const { rows } = await db.query(
      `SELECT id, customer_id, currency, amount_paid / 100.0 AS amount, created_at
         FROM stripe_invoices
        WHERE status = 'paid'
          AND created_at >= to_date($1, 'YYYY-MM')
          AND created_at <  to_date($1, 'YYYY-MM') + interval '1 month'
        ORDER BY created_at`,
      [month]
    );

    const header = "invoice_id,customer_id,currency,amount,created_at";
    const lines = rows.map((r) =>
      [r.id, r.customer_id, r.currency, r.amount, r.created_at.toISOString()].map(csvCell).join(",")
    );
    const key = `invoices/${month}/paid-invoices.csv`;

    await s3.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: key,
        Body: [header, ...lines].join("\n"),
        ContentType: "text/csv",
      })
    );
    return { key, rows: rows.length };
  } finally {
    await db.end();
    s3.destroy();
  }
}
