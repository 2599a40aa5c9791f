// Release-phase migration: runs once per deploy, then exits.
import pg from 'pg';

const statements = [
  `CREATE TABLE IF NOT EXISTS render_jobs (
     id bigserial PRIMARY KEY, invoice_no text NOT NULL, payload jsonb NOT NULL,
     status text NOT NULL DEFAULT 'queued', attempts int NOT NULL DEFAULT 0, last_error text,
     created_at timestamptz NOT NULL DEFAULT now(), finished_at timestamptz)`,
  `CREATE TABLE IF NOT EXISTS render_job_audit (job_id bigint NOT NULL, action text NOT NULL, at timestamptz NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS invoice_pdfs (invoice_no text PRIMARY KEY, pdf bytea NOT NULL)`,
  `CREATE INDEX IF NOT EXISTS render_jobs_queued ON render_jobs (created_at) WHERE status = 'queued'`,
];

const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
await client.connect();
try {
  for (const sql of statements) await client.query(sql);
  console.log('migrations applied');
} finally {
  await client.end();
}
