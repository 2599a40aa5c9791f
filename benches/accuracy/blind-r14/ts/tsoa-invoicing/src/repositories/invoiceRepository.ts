import type { Pool, PoolClient } from 'pg';

export interface Invoice {
  id: string;
  customerId: string;
  status: 'draft' | 'issued' | 'paid' | 'void';
  totalCents: number;
  pdfKey: string | null;
}

export interface InvoiceLine {
  description: string;
  quantity: number;
  unitCents: number;
}

/** Thin query wrapper. Cheap to construct: it only holds a reference to the shared pool. */
export class InvoiceRepository {
  constructor(private readonly db: Pool | PoolClient) {}

  async findById(id: string): Promise<Invoice | undefined> {
    const { rows } = await this.db.query<Invoice>(
      `SELECT id, customer_id AS "customerId", status, total_cents AS "totalCents", pdf_key AS "pdfKey"
         FROM invoices WHERE id = $1`,
      [id],
    );
    return rows[0];
  }

  async insert(customerId: string, lines: InvoiceLine[]): Promise<Invoice> {
    const total = lines.reduce((sum, l) => sum + l.quantity * l.unitCents, 0);
    const { rows } = await this.db.query<Invoice>(
      `INSERT INTO invoices (customer_id, status, total_cents) VALUES ($1, 'draft', $2)
       RETURNING id, customer_id AS "customerId", status, total_cents AS "totalCents", pdf_key AS "pdfKey"`,
      [customerId, total],
    );
    const invoice = rows[0];
    for (const line of lines) {
      await this.db.query(
        'INSERT INTO invoice_lines (invoice_id, description, quantity, unit_cents) VALUES ($1, $2, $3, $4)',
        [invoice.id, line.description, line.quantity, line.unitCents],
      );
    }
    return invoice;
  }

  async markIssued(id: string): Promise<void> {
    await this.db.query("UPDATE invoices SET status = 'issued', issued_at = now() WHERE id = $1", [id]);
  }
}
