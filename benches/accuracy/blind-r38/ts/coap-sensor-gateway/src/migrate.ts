// Release phase: runs once per deploy, before the new gateway/worker dynos start.
import pg from 'pg';

const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
await client.connect();
try {
  await client.query(`
    CREATE TABLE IF NOT EXISTS devices (id text PRIMARY KEY, active boolean NOT NULL DEFAULT true, last_seen_at timestamptz);
    CREATE TABLE IF NOT EXISTS readings (
      id bigserial PRIMARY KEY,
      device_id text NOT NULL REFERENCES devices(id),
      metric text NOT NULL,
      value double precision NOT NULL,
      measured_at timestamptz NOT NULL
    );
    CREATE INDEX IF NOT EXISTS readings_device_time ON readings (device_id, measured_at DESC);
  `);
  console.log('schema up to date');
} finally {
  await client.end();
}
