import pg from 'pg';
import type { Migration } from '../src/migrator';

/**
 * Backfills tracking numbers from the legacy carrier-integration database
 * (decommissioned after this release), then adds the lookup index.
 *
 * The legacy DB is only needed by this one migration, so it gets its own
 * short-lived client that is closed before the migration finishes.
 */
export const up: Migration = async ({ context: pool }) => {
  const legacy = new pg.Client({ connectionString: process.env.LEGACY_CARRIER_DATABASE_URL });
  await legacy.connect();
  try {
    let lastId = 0;
    for (;;) {
      const { rows } = await legacy.query<{ id: number; order_id: number; tracking_no: string }>(
        `select id, order_id, tracking_no from label_requests
          where id > $1 and tracking_no is not null
          order by id limit 1000`,
        [lastId],
      );
      if (rows.length === 0) break;
      await pool.query(
        `update shipments s set tracking_no = v.tracking_no
           from unnest($1::bigint[], $2::text[]) as v(order_id, tracking_no)
          where s.order_id = v.order_id and s.tracking_no is null`,
        [rows.map((r) => r.order_id), rows.map((r) => r.tracking_no)],
      );
      lastId = rows[rows.length - 1].id;
      console.log(`backfilled tracking numbers up to legacy id ${lastId}`);
    }
  } finally {
    await legacy.end();
  }

  // CONCURRENTLY cannot run inside a transaction block: use the pool directly.
  await pool.query('create index concurrently if not exists shipments_tracking_no_idx on shipments (tracking_no)');
};

export const down: Migration = async ({ context: pool }) => {
  await pool.query('drop index concurrently if exists shipments_tracking_no_idx');
};
