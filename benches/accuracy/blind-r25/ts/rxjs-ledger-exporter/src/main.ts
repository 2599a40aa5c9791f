import { Pool } from 'pg';
import { Storage } from '@google-cloud/storage';
import { exportPipeline } from './pipeline';

function main(): void {
  const pool = new Pool({
    connectionString: process.env.LEDGER_DATABASE_URL,
    max: 5,
    idleTimeoutMillis: 30_000,
    application_name: 'ledger-exporter',
  });
  pool.on('error', (err) => console.error(`pg idle client error: ${err.message}`));

  const storage = new Storage({ projectId: process.env.GCP_PROJECT });
  const bucket = storage.bucket(process.env.EXPORT_BUCKET ?? 'acme-ledger-exports');

  const subscription = exportPipeline({ pool, bucket }, Number(process.env.POLL_MS ?? 60_000)).subscribe({
    error: (err) => {
      console.error('pipeline crashed', err);
      process.exitCode = 1;
      void pool.end();
    },
  });

  const shutdown = async () => {
    subscription.unsubscribe();
    await pool.end();
    process.exit(0);
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

main();
