import { Pool } from 'pg';

const pool = new Pool({
  connectionString: process.env.PLANT_PG_URL,
  max: 6,
  application_name: 'historian',
});

export async function storeSample(tag: string, value: number, ts: Date): Promise<void> {
  await pool.query(
    'INSERT INTO tag_samples (tag, value, sampled_at) VALUES ($1, $2, $3)',
    [tag, value, ts],
  );
}

export async function closeHistory(): Promise<void> {
  await pool.end();
}
