import { column, Schema, Table } from '@powersync/web';

/**
 * Client-side schema. PowerSync stores synced rows in the local SQLite
 * database (wa-sqlite in the browser); the Postgres tables live in Supabase.
 */
const sites = new Table(
  {
    name: column.text,
    address: column.text,
    owner_id: column.text,
    created_at: column.text,
  },
  { indexes: { owner: ['owner_id'] } },
);

const notes = new Table(
  {
    site_id: column.text,
    author_id: column.text,
    body: column.text,
    severity: column.integer,
    resolved: column.integer,
    created_at: column.text,
  },
  { indexes: { site: ['site_id'], author: ['author_id'] } },
);

const photos = new Table(
  {
    note_id: column.text,
    storage_path: column.text,
    created_at: column.text,
  },
  { indexes: { note: ['note_id'] } },
);

export const AppSchema = new Schema({ sites, notes, photos });

export type Database = (typeof AppSchema)['types'];
export type NoteRecord = Database['notes'];
export type SiteRecord = Database['sites'];
