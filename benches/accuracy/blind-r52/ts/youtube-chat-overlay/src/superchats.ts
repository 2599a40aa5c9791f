import pg from 'pg';

const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: 5,
  application_name: 'yt-overlay-superchats',
});

const CURRENCY_RE = /^([^\d]*)([\d.,]+)$/;

function parseAmount(display: string): { currency: string; cents: number } {
  const match = CURRENCY_RE.exec(display.trim());
  if (!match) return { currency: '?', cents: 0 };
  const currency = match[1].trim() || 'USD';
  const numeric = match[2].replace(/,(?=\d{3}\b)/g, '').replace(',', '.');
  return { currency, cents: Math.round(Number(numeric) * 100) };
}

/**
 * Stores a super chat and returns the viewer's running total for this stream
 * (in cents of the stream's currency).
 */
export async function recordSuperchat(
  viewerId: string,
  viewerName: string,
  amountDisplay: string,
  text: string,
): Promise<number> {
  const { currency, cents } = parseAmount(amountDisplay);
  const client = await pool.connect();
  await client.query('BEGIN');

  await client.query(
    `INSERT INTO superchats (viewer_id, viewer_name, currency, cents, message, received_at)
     VALUES ($1, $2, $3, $4, $5, now())`,
    [viewerId, viewerName, currency, cents, text],
  );

  if (cents === 0) {
    await client.query('COMMIT');
    return 0;
  }

  const { rows } = await client.query<{ total: string }>(
    `INSERT INTO superchat_totals (viewer_id, viewer_name, total_cents)
     VALUES ($1, $2, $3)
     ON CONFLICT (viewer_id) DO UPDATE
       SET total_cents = superchat_totals.total_cents + EXCLUDED.total_cents,
           viewer_name = EXCLUDED.viewer_name
     RETURNING total_cents AS total`,
    [viewerId, viewerName, cents],
  );
  await client.query('COMMIT');
  client.release();
  return Number(rows[0].total);
}

export async function closeSuperchats(): Promise<void> {
  await pool.end();
}
