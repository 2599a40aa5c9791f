import pg from 'pg';

export const pool = new pg.Pool({
  connectionString: process.env.FLEET_DATABASE_URL,
  max: 10,
});
