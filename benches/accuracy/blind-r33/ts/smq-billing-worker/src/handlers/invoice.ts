import { pool } from "../lib/db";

interface InvoiceRequest {
  accountId: string;
  periodStart: string;
  periodEnd: string;
}

export async function issueInvoice(body: Record<string, unknown>): Promise<void> {
  const req = body as unknown as InvoiceRequest;
  const client = await pool.connect();

  const { rows: existing } = await client.query(
    "select id from invoices where account_id = $1 and period_start = $2",
    [req.accountId, req.periodStart],
  );
  if (existing.length > 0) {
    // already issued for this period; drop the duplicate message
    return;
  }

  const { rows: usage } = await client.query(
    `select coalesce(sum(units * unit_price), 0) as total
       from usage_events
      where account_id = $1 and occurred_at >= $2 and occurred_at < $3`,
    [req.accountId, req.periodStart, req.periodEnd],
  );
  await client.query(
    "insert into invoices (account_id, period_start, period_end, total) values ($1, $2, $3, $4)",
    [req.accountId, req.periodStart, req.periodEnd, usage[0].total],
  );
  client.release();
}
