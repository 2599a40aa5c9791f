import pg from 'pg';

// Asset register + lease history, shared by the whole daemon.
export const pool = new pg.Pool({
  connectionString: process.env.ASSETS_DATABASE_URL,
  max: 5,
});
