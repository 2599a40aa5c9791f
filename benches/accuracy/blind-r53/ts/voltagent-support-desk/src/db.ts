import pg from 'pg';

/**
 * Opens the support database pool and proves it works before the agent
 * starts taking conversations. Only called from index.ts at start-up.
 */
export async function openPool(): Promise<pg.Pool> {
  const pool = new pg.Pool({
    connectionString: process.env.SUPPORT_DATABASE_URL,
    max: 8,
    idleTimeoutMillis: 30_000,
    statement_timeout: 5_000,
    application_name: 'voltagent-support-desk',
  });
  pool.on('error', (err) => console.error('[db] idle client error', err));

  try {
    await pool.query('SELECT 1');
  } catch (err) {
    await pool.end();
    throw err;
  }
  return pool;
}

export interface OrderSummary {
  number: string;
  status: string;
  total_cents: number;
  placed_at: Date;
  carrier: string | null;
  tracking_no: string | null;
}

export const ORDER_SUMMARY_SQL = `
  SELECT o.number, o.status, o.total_cents, o.placed_at, s.carrier, s.tracking_no
    FROM orders o LEFT JOIN shipments s ON s.order_id = o.id
   WHERE o.number = $1`;
