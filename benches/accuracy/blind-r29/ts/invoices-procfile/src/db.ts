import postgres from 'postgres';

export type Sql = ReturnType<typeof postgres>;

/**
 * Each process (web, worker, release script) calls this exactly once at start-up
 * and passes the returned instance down. postgres.js pools internally.
 */
export function createSql(role: 'web' | 'worker' | 'migrate', max = 10): Sql {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set');
  return postgres(url, {
    max,
    idle_timeout: 60,
    connect_timeout: 10,
    connection: { application_name: `invoices-${role}` },
    onnotice: () => undefined,
  });
}

export interface Invoice {
  id: string;
  customer_id: string;
  amount_cents: number;
  currency: string;
  status: 'draft' | 'issued' | 'paid' | 'void';
  pdf_url: string | null;
}

export async function issueInvoice(sql: Sql, id: string): Promise<Invoice | undefined> {
  return sql.begin(async (tx) => {
    const [inv] = await tx<Invoice[]>`
      UPDATE invoices SET status = 'issued', issued_at = now()
       WHERE id = ${id} AND status = 'draft'
      RETURNING id, customer_id, amount_cents, currency, status, pdf_url
    `;
    if (!inv) return undefined;
    await tx`SELECT pg_notify('invoice_issued', ${inv.id})`;
    return inv;
  });
}
