import { Client, Pool } from 'pg';

export const reportPool = new Pool({
  connectionString: process.env.REPORTING_REPLICA_URL,
  max: 5,
  statement_timeout: 10_000,
});

export async function openAuditLog(): Promise<Client> {
  const client = new Client({ connectionString: process.env.AUDIT_DATABASE_URL });
  await client.connect();
  return client;
}
