import type { Migration } from '../src/migrate.js';

export const up: Migration = async ({ context: sql }) => {
  await sql`
    CREATE TABLE shipments (
      id bigserial PRIMARY KEY,
      order_id bigint NOT NULL,
      carrier text NOT NULL,
      label_key text,
      created_at timestamptz NOT NULL DEFAULT now()
    )`;
  await sql`CREATE INDEX shipments_order_id_idx ON shipments (order_id)`;
};

export const down: Migration = async ({ context: sql }) => {
  await sql`DROP TABLE shipments`;
};
