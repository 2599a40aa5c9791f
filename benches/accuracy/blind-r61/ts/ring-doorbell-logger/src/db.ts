import pg from 'pg';

export const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL ?? 'postgres://ring:ring@127.0.0.1:5432/home',
  max: 5,
  idleTimeoutMillis: 30_000,
});

pool.on('error', (err) => console.error('idle pg client error', err));
