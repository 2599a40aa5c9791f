import pg from 'pg';

/** One connection for the lifetime of a single CLI command. */
export async function openDb(dsn = process.env.DATABASE_URL): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: dsn, application_name: 'shopops' });
  await client.connect();
  return client;
}
