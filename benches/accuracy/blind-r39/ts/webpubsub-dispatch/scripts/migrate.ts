import { Client } from "pg";

// Release-phase one-off: runs once per deploy, then exits.
async function migrate() {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query("BEGIN");
    await client.query(`CREATE TABLE IF NOT EXISTS technicians (
      id text PRIMARY KEY, region text NOT NULL, active boolean NOT NULL DEFAULT true,
      online boolean NOT NULL DEFAULT false, last_seen timestamptz)`);
    await client.query(`CREATE TABLE IF NOT EXISTS jobs (
      id text PRIMARY KEY, region text NOT NULL, address text NOT NULL,
      priority text NOT NULL DEFAULT 'normal', status text NOT NULL,
      technician_id text REFERENCES technicians(id), created_at timestamptz NOT NULL, claimed_at timestamptz)`);
    await client.query("CREATE INDEX IF NOT EXISTS jobs_region_status ON jobs (region, status)");
    await client.query("COMMIT");
  } catch (err) {
    await client.query("ROLLBACK");
    throw err;
  } finally {
    await client.end();
  }
}

migrate().catch((err) => {
  console.error(err);
  process.exit(1);
});
