import pg from 'pg';

export const pool = new pg.Pool({
  connectionString: process.env.ORDERS_DATABASE_URL,
  max: 10,
  statement_timeout: 5_000,
});
