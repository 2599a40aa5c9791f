import { readdir, readFile } from 'node:fs/promises';
import pg from 'pg';

// Release-phase one-off: apply SQL migrations in order, then exit.
const client = new pg.Client({ connectionString: process.env.DATABASE_URL, application_name: 'migrate' });
await client.connect();
try {
  await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz DEFAULT now())');
  await client.query('CREATE TABLE IF NOT EXISTS sync_state (key text PRIMARY KEY, value text NOT NULL)');
  const { rows } = await client.query('SELECT name FROM schema_migrations');
  const applied = new Set(rows.map((r) => r.name));
  const files = (await readdir(new URL('../migrations/', import.meta.url))).filter((f) => f.endsWith('.sql')).sort();
  for (const file of files) {
    if (applied.has(file)) continue;
    const sql = await readFile(new URL(`../migrations/${file}`, import.meta.url), 'utf8');
    await client.query('BEGIN');
    await client.query(sql);
    await client.query('INSERT INTO schema_migrations (name) VALUES ($1)', [file]);
    await client.query('COMMIT');
    console.info(`applied ${file}`);
  }
} finally {
  await client.end();
}
