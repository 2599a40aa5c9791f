import { Pool } from "pg";

export const db = new Pool({
  connectionString: process.env.DATABASE_URL,
  max: 10,
  idleTimeoutMillis: 30_000,
  application_name: "billing-api",
});

db.on("error", (err) => {
  console.error("idle pg client error", err);
});

export interface InvoiceRow {
  id: string;
  accountId: string;
  status: "draft" | "open" | "paid" | "void";
  totalCents: number;
  currency: string;
}

export async function findInvoice(id: string): Promise<InvoiceRow | undefined> {
  const { rows } = await db.query<InvoiceRow>(
    `SELECT id, account_id AS "accountId", status, total_cents AS "totalCents", currency
       FROM invoices WHERE id = $1`,
    [id],
  );
  return rows[0];
}

export async function closeDb(): Promise<void> {
  await db.end();
}
