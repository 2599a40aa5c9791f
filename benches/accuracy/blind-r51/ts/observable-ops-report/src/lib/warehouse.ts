import pg from 'pg';

// Data loaders run as separate child processes of `observable build`, once per
// loader, and their output is cached. Each loader opens one connection and closes it.
export async function withWarehouse<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({
    connectionString: process.env.WAREHOUSE_URL,
    application_name: 'observable-ops-report',
    statement_timeout: 120_000,
  });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
