import { Pool } from "pg";

export interface Invoice {
  id: string;
  customer_id: string;
  amount_cents: number;
  status: "open" | "paid" | "void";
}

export class InvoiceRepository {
  private readonly pool: Pool;
  private readonly tenantId: string;

  constructor({ tenantId }: { tenantId: string }) {
    this.tenantId = tenantId;
    this.pool = new Pool({
      connectionString: process.env.DATABASE_URL,
      max: 4,
      application_name: `billing:${tenantId}`,
    });
  }

  async findOpen(customerId: string): Promise<Invoice[]> {
    const { rows } = await this.pool.query<Invoice>(
      "SELECT id, customer_id, amount_cents, status FROM invoices WHERE tenant_id = $1 AND customer_id = $2 AND status = 'open' ORDER BY due_at",
      [this.tenantId, customerId],
    );
    return rows;
  }

  async markPaid(invoiceId: string, amountCents: number, reference: string): Promise<void> {
    const client = await this.pool.connect();
    await client.query("BEGIN");
    await client.query(
      "UPDATE invoices SET status = 'paid', paid_at = now() WHERE tenant_id = $1 AND id = $2",
      [this.tenantId, invoiceId],
    );
    await client.query(
      "INSERT INTO payments (tenant_id, invoice_id, amount_cents, reference) VALUES ($1, $2, $3, $4)",
      [this.tenantId, invoiceId, amountCents, reference],
    );
    await client.query("COMMIT");
    client.release();
  }
}
