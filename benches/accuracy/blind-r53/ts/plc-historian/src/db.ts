import { Pool } from 'pg';

// Historian database (TimescaleDB). samples is a hypertable on ts.
export const pool = new Pool({
  connectionString: process.env.HISTORIAN_DATABASE_URL,
  max: 10,
  idleTimeoutMillis: 60_000,
  application_name: 'plc-historian',
});

pool.on('error', (err) => {
  console.error('[db] idle client error', err);
});

export interface Sample {
  tag: string;
  value: number | boolean;
  ts: Date;
}

export async function insertSamples(samples: Sample[]): Promise<void> {
  if (samples.length === 0) return;
  await pool.query(
    `INSERT INTO samples (tag, value, ts)
     SELECT * FROM unnest($1::text[], $2::double precision[], $3::timestamptz[])`,
    [
      samples.map((s) => s.tag),
      samples.map((s) => (typeof s.value === 'boolean' ? Number(s.value) : s.value)),
      samples.map((s) => s.ts),
    ],
  );
}

export async function closeDb(): Promise<void> {
  await pool.end();
}
