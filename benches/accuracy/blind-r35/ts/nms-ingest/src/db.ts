import pg from 'pg';

const connectionString = process.env.DATABASE_URL ?? 'postgres://ingest@localhost:5432/streams';

// Shared pool for the ingest process.
export const pool = new pg.Pool({ connectionString, max: 10 });

// Used by the key checks; returns a pool pointed at the auth schema.
export function openStreamDb(): pg.Pool {
  return new pg.Pool({
    connectionString,
    max: 2,
    options: '-c search_path=stream_auth',
  });
}
