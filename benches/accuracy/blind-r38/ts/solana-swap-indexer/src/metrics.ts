import pg from 'pg';

// Indexer health numbers for the Grafana board.
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 4 });

export async function recordSlot(slot: number, lagMs: number): Promise<void> {
  await pool.query(
    `INSERT INTO indexer_heartbeat (id, last_slot, lag_ms, seen_at) VALUES (1, $1, $2, now())
     ON CONFLICT (id) DO UPDATE SET last_slot = EXCLUDED.last_slot, lag_ms = EXCLUDED.lag_ms, seen_at = now()`,
    [slot, lagMs],
  );
}
