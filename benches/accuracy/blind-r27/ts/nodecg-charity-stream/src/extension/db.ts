import { Pool } from 'pg';
import postgres from 'postgres';

export interface DonationRow {
  id: string;
  donor_name: string;
  amount_cents: number;
  currency: string;
  comment: string | null;
  read: boolean;
  created_at: Date;
}

// Local event database (runs on the production PC next to NodeCG).
export const pool = new Pool({
  connectionString: process.env.EVENT_DATABASE_URL ?? 'postgres://nodecg@localhost:5432/charity',
  max: 60,
  idleTimeoutMillis: 30_000,
});

// Reporting lives in the foundation's Supabase project (transaction pooler).
export const reporting = postgres(
  process.env.REPORTING_DATABASE_URL ??
    'postgres://postgres.qkzrmfjtbyhuxvwa:secret@aws-0-eu-central-1.pooler.supabase.com:6543/postgres',
  { max: 4, idle_timeout: 20 },
);

export async function unreadDonations(limit = 50): Promise<DonationRow[]> {
  const { rows } = await pool.query<DonationRow>(
    'SELECT * FROM donations WHERE read = false ORDER BY created_at ASC LIMIT $1',
    [limit],
  );
  return rows;
}

export async function upsertDonation(d: Omit<DonationRow, 'read'>): Promise<boolean> {
  const { rowCount } = await pool.query(
    `INSERT INTO donations (id, donor_name, amount_cents, currency, comment, read, created_at)
     VALUES ($1, $2, $3, $4, $5, false, $6)
     ON CONFLICT (id) DO NOTHING`,
    [d.id, d.donor_name, d.amount_cents, d.currency, d.comment, d.created_at],
  );
  return (rowCount ?? 0) > 0;
}

export async function campaignTotalCents(): Promise<number> {
  const { rows } = await pool.query<{ total: string }>('SELECT coalesce(sum(amount_cents), 0) AS total FROM donations');
  return Number(rows[0].total);
}
