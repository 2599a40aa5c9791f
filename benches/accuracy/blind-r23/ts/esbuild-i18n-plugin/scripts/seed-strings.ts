// One-off: load a CSV export from the translation vendor into the strings table.
// Usage: tsx scripts/seed-strings.ts ./vendor-export-2024-07.csv
import fs from 'node:fs/promises';
import pg from 'pg';

async function main() {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: seed-strings <export.csv>');
    process.exit(2);
  }

  const lines = (await fs.readFile(file, 'utf8')).split('\n').slice(1).filter(Boolean);
  const client = new pg.Client({ connectionString: process.env.TRANSLATIONS_DB_URL });
  await client.connect();
  try {
    await client.query('begin');
    let upserts = 0;
    for (const line of lines) {
      const [namespace, key, locale, ...rest] = line.split(',');
      const value = rest.join(',').replace(/^"|"$/g, '').replace(/""/g, '"');
      await client.query(
        `insert into strings (namespace, key, locale, value, status)
         values ($1, $2, $3, $4, 'reviewed')
         on conflict (namespace, key, locale) do update set value = excluded.value, status = 'reviewed'`,
        [namespace, key, locale, value],
      );
      upserts++;
    }
    await client.query('commit');
    console.log(`upserted ${upserts} strings`);
  } catch (err) {
    await client.query('rollback');
    throw err;
  } finally {
    await client.end();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
