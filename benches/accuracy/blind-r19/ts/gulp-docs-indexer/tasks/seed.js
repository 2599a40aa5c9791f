import pg from "pg";

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS pages (
    path text PRIMARY KEY,
    title text NOT NULL,
    body text NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
  );
  CREATE INDEX IF NOT EXISTS pages_fts ON pages USING gin (to_tsvector('english', body));
`;

/** `gulp seed`: one-off, run by hand on a fresh database. */
export async function seed() {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query(SCHEMA);
    console.log("[seed] schema ready");
  } finally {
    await client.end();
  }
}
