import type { ConductorWorker, Task } from "@io-orkes/conductor-javascript";
import { PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { pool, cents } from "./shared.js";

const s3 = new S3Client({ region: process.env.AWS_REGION ?? "eu-central-1" });

export const archiveInvoice: ConductorWorker = {
  taskDefName: "archive_invoice",
  execute: async (task: Task) => {
    const { invoiceId } = task.inputData as { invoiceId: string };
    const { rows } = await pool.query(
      "SELECT sku, qty, amount_cents FROM invoice_lines WHERE invoice_id = $1 ORDER BY sku",
      [invoiceId],
    );
    const csv = ["sku,qty,amount", ...rows.map((r) => `${r.sku},${r.qty},${cents(r.amount_cents)}`)].join("\n");
    await s3.send(
      new PutObjectCommand({
        Bucket: process.env.ARCHIVE_BUCKET,
        Key: `invoices/${invoiceId}.csv`,
        Body: csv,
        ContentType: "text/csv",
      }),
    );
    return { status: "COMPLETED", outputData: { key: `invoices/${invoiceId}.csv` } };
  },
};
