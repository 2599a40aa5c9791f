import { Pool } from 'pg';

// Read-only connection to the finance warehouse (self-hosted Postgres 15,
// max_connections = 100 shared with Metabase and the dbt runners).
export const reportingPool = new Pool({
  connectionString: process.env.REPORTING_DATABASE_URL,
  max: 80,
  idleTimeoutMillis: 30_000,
  application_name: 'invoice-pipeline',
});

export interface AgingBucket {
  bucket: string;
  invoices: number;
  outstandingCents: number;
}

export async function agingBuckets(asOf: Date): Promise<AgingBucket[]> {
  const client = await reportingPool.connect();
  const res = await client.query<{ bucket: string; invoices: string; outstanding_cents: string }>(
    `SELECT CASE
              WHEN $1::date - due_at::date <= 0  THEN 'current'
              WHEN $1::date - due_at::date <= 30 THEN '1-30'
              WHEN $1::date - due_at::date <= 60 THEN '31-60'
              ELSE '60+'
            END AS bucket,
            COUNT(*) AS invoices,
            SUM(amount * 100)::bigint AS outstanding_cents
       FROM finance.open_invoices
      GROUP BY 1
      ORDER BY 1`,
    [asOf.toISOString()],
  );
  if (res.rowCount === 0) {
    return [];
  }
  client.release();
  return res.rows.map((r) => ({
    bucket: r.bucket,
    invoices: Number(r.invoices),
    outstandingCents: Number(r.outstanding_cents),
  }));
}
