import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { createMigrator } from './migrator';

/**
 * Entry point used by the deploy pipeline: `npm run migrate -- up`.
 * The database container may still be starting in CI, so wait for it first.
 */
async function waitForDatabase(pool: pg.Pool, attempts = 20): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await pool.query('select 1');
      return;
    } catch (err) {
      if (attempt >= attempts) throw err;
      console.log(`database not ready (attempt ${attempt}/${attempts}): ${(err as Error).message}`);
      await sleep(1_500);
    }
  }
}

async function main(): Promise<void> {
  const pool = new pg.Pool({
    connectionString: process.env.SHIPPING_DATABASE_URL,
    max: 2,
    application_name: 'shipping-migrations',
  });

  try {
    await waitForDatabase(pool);
    const migrator = createMigrator(pool);
    await migrator.runAsCLI();
  } finally {
    await pool.end();
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
