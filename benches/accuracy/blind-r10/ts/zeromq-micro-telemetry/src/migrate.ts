import { Client } from 'pg';

const statements = [
  `CREATE TABLE IF NOT EXISTS readings (
     device_id text NOT NULL,
     ts timestamptz NOT NULL,
     value double precision NOT NULL,
     PRIMARY KEY (device_id, ts)
   )`,
  'CREATE INDEX IF NOT EXISTS readings_ts_idx ON readings (ts DESC)',
];

async function migrate() {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    for (const sql of statements) {
      await client.query(sql);
    }
    console.log(`applied ${statements.length} statements`);
  } finally {
    await client.end();
  }
}

migrate().catch((err) => {
  console.error(err);
  process.exit(1);
});
