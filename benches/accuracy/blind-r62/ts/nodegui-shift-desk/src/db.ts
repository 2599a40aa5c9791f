import { Pool } from 'pg';

// One pool for the lifetime of the desktop app; the kiosk only ever runs one window.
export const pool = new Pool({
  connectionString: process.env.SHIFT_DATABASE_URL,
  max: 4,
  idleTimeoutMillis: 30_000,
});

export async function clockIn(badge: string): Promise<string> {
  const { rows } = await pool.query(
    `INSERT INTO shifts (badge, started_at)
     VALUES ($1, now())
     RETURNING (SELECT display_name FROM staff WHERE badge = $1) AS name`,
    [badge],
  );
  return rows[0]?.name ?? badge;
}

export async function clockOut(badge: string): Promise<number> {
  const { rowCount } = await pool.query(
    `UPDATE shifts SET ended_at = now()
      WHERE badge = $1 AND ended_at IS NULL`,
    [badge],
  );
  return rowCount ?? 0;
}
