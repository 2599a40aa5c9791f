import pg from "pg";

// invoices get their own pool so long PDF-generation queries don't starve the API
const invoiceDb = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: 5,
  statement_timeout: 30_000,
});

export interface InvoiceLine {
  description: string;
  quantity: number;
  unit_cents: number;
}

export async function listInvoices(customerId: string) {
  const { rows } = await invoiceDb.query(
    `SELECT id, number, total_cents, status, issued_at
       FROM invoices WHERE customer_id = $1
      ORDER BY issued_at DESC LIMIT 50`,
    [customerId],
  );
  return rows;
}

export async function createInvoice(customerId: string, lines: InvoiceLine[]) {
  const client = await invoiceDb.connect();
  try {
    await client.query("BEGIN");
    const total = lines.reduce((sum, l) => sum + l.quantity * l.unit_cents, 0);
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO invoices (customer_id, number, total_cents, status, issued_at)
       VALUES ($1, nextval('invoice_number_seq'), $2, 'open', now()) RETURNING id`,
      [customerId, total],
    );
    const invoiceId = rows[0]!.id;
    for (const l of lines) {
      await client.query(
        "INSERT INTO invoice_lines (invoice_id, description, quantity, unit_cents) VALUES ($1, $2, $3, $4)",
        [invoiceId, l.description, l.quantity, l.unit_cents],
      );
    }
    await client.query("COMMIT");
    return invoiceId;
  } catch (err) {
    await client.query("ROLLBACK");
    throw err;
  } finally {
    client.release();
  }
}
