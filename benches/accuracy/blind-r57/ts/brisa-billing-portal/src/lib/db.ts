import postgres from 'postgres';

export const sql = postgres(process.env.DATABASE_URL!, {
  max: 10,
  idle_timeout: 20,
  connection: { application_name: 'billing-portal' },
});

export interface Invoice {
  id: string;
  customer_id: string;
  number: string;
  status: 'draft' | 'open' | 'paid' | 'void';
  total_cents: number;
  currency: string;
  issued_at: Date;
  due_at: Date | null;
}

export interface InvoiceLine {
  description: string;
  quantity: number;
  unit_cents: number;
}

export async function findInvoice(customerId: string, id: string): Promise<Invoice | null> {
  const rows = await sql<Invoice[]>`
    SELECT id, customer_id, number, status, total_cents, currency, issued_at, due_at
      FROM invoices
     WHERE id = ${id} AND customer_id = ${customerId}
  `;
  return rows[0] ?? null;
}

export async function invoiceLines(invoiceId: string): Promise<InvoiceLine[]> {
  return sql<InvoiceLine[]>`
    SELECT description, quantity, unit_cents
      FROM invoice_lines
     WHERE invoice_id = ${invoiceId}
     ORDER BY position
  `;
}

export async function markViewed(invoiceId: string): Promise<void> {
  await sql`UPDATE invoices SET last_viewed_at = now() WHERE id = ${invoiceId}`;
}
