import pg from 'pg';

const MAX_ATTEMPTS = 5;

/**
 * Opens the reporting database connection for this job run.
 * Retries a few times because the replica is restarted nightly.
 */
export async function openDb(): Promise<pg.Client> {
  for (let attempt = 1; ; attempt += 1) {
    const client = new pg.Client({
      connectionString: process.env.REPORTING_DATABASE_URL,
      application_name: 'cronicle-settlement-export',
    });
    try {
      await client.connect();
      return client;
    } catch (err) {
      await client.end().catch(() => {});
      if (attempt >= MAX_ATTEMPTS) throw err;
      await new Promise((r) => setTimeout(r, attempt * 2000));
    }
  }
}
