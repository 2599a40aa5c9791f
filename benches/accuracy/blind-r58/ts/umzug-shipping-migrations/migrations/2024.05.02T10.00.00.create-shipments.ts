import type { Migration } from '../src/migrator';

/**
 * Shipments and their tracking events. Runs in one transaction so a failed
 * deploy does not leave half the tables behind.
 */
export const up: Migration = async ({ context: pool }) => {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(`
      create table shipments (
        id            bigserial primary key,
        order_id      bigint not null,
        carrier       text not null,
        tracking_no   text,
        status        text not null default 'created',
        created_at    timestamptz not null default now(),
        delivered_at  timestamptz
      )`);
    await client.query(`
      create table shipment_events (
        id           bigserial primary key,
        shipment_id  bigint not null references shipments(id) on delete cascade,
        code         text not null,
        location     text,
        occurred_at  timestamptz not null
      )`);
    await client.query('create index shipments_order_id_idx on shipments (order_id)');
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  } finally {
    client.release();
  }
};

export const down: Migration = async ({ context: pool }) => {
  await pool.query('drop table if exists shipment_events');
  await pool.query('drop table if exists shipments');
};
