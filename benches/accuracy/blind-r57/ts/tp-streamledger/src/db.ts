import { Pool, PoolConfig } from 'pg';

export interface Marker {
  showId: string;
  label: string;
  at: Date;
}

export function openLedger(connectionString: string, extra: Partial<PoolConfig> = {}): Pool {
  return new Pool({
    connectionString,
    max: 3,
    idleTimeoutMillis: 60_000,
    application_name: 'tp-streamledger',
    ...extra,
  });
}

export async function insertMarker(pool: Pool, marker: Marker): Promise<number> {
  const { rows } = await pool.query<{ id: number }>(
    `INSERT INTO stream_markers (show_id, label, marked_at)
     VALUES ($1, $2, $3)
     RETURNING id`,
    [marker.showId, marker.label, marker.at],
  );
  return rows[0].id;
}

export async function countMarkers(pool: Pool, showId: string): Promise<number> {
  const { rows } = await pool.query<{ n: string }>(
    'SELECT count(*) AS n FROM stream_markers WHERE show_id = $1',
    [showId],
  );
  return Number(rows[0].n);
}

export async function topSponsor(pool: Pool, showId: string): Promise<string | null> {
  const { rows } = await pool.query<{ name: string; total: string }>(
    `SELECT sponsor_name AS name, sum(amount_cents) AS total
       FROM sponsor_events
      WHERE show_id = $1
      GROUP BY sponsor_name
      ORDER BY total DESC
      LIMIT 1`,
    [showId],
  );
  return rows.length ? `${rows[0].name} ($${(Number(rows[0].total) / 100).toFixed(0)})` : null;
}
