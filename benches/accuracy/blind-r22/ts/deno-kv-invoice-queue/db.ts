import postgres from "postgres";

// Supabase transaction-mode pooler (Supavisor) — Deno Deploy has no long-lived sockets.
export const sql = postgres({
  host: Deno.env.get("SUPABASE_POOLER_HOST") ?? "aws-0-eu-central-1.pooler.supabase.com",
  port: 6543,
  database: "postgres",
  username: Deno.env.get("SUPABASE_DB_USER") ?? "postgres.qwhzkdnpfmbtxrylcoue",
  password: Deno.env.get("SUPABASE_DB_PASSWORD"),
  ssl: "require",
  max: 5,
  idle_timeout: 20,
});

export interface InvoiceRow {
  id: string;
  customer_id: string;
  number: string;
  status: "draft" | "rendered" | "sent" | "void";
  total_cents: number;
  currency: string;
  pdf_key: string | null;
}

export async function getInvoice(id: string): Promise<InvoiceRow | undefined> {
  const [row] = await sql<InvoiceRow[]>`
    select id, customer_id, number, status, total_cents, currency, pdf_key
    from invoices where id = ${id}
  `;
  return row;
}

export async function invoiceLines(id: string) {
  return await sql<{ description: string; quantity: number; unit_cents: number }[]>`
    select description, quantity, unit_cents from invoice_lines where invoice_id = ${id} order by position
  `;
}
