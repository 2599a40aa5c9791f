import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Client } from 'pg';
import type { FullConfig } from '@playwright/test';

// Runs once before the whole test run: bring the e2e database schema up to date.
export default async function globalSetup(_config: FullConfig): Promise<void> {
  const client = new Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    await client.query(
      'CREATE TABLE IF NOT EXISTS e2e_migrations (name text PRIMARY KEY, applied_at timestamptz DEFAULT now())',
    );
    const dir = path.join(__dirname, '..', '..', 'db', 'migrations');
    const files = (await readdir(dir)).filter((f) => f.endsWith('.sql')).sort();
    for (const file of files) {
      const { rowCount } = await client.query('SELECT 1 FROM e2e_migrations WHERE name = $1', [file]);
      if (rowCount) continue;
      await client.query(await readFile(path.join(dir, file), 'utf8'));
      await client.query('INSERT INTO e2e_migrations (name) VALUES ($1)', [file]);
      console.log(`[global-setup] applied ${file}`);
    }
  } finally {
    await client.end();
  }
}
