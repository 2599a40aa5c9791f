import pg from 'pg';

export function createPool(): pg.Pool {
  const pool = new pg.Pool({
    connectionString: process.env.LEDGER_DATABASE_URL,
    max: Number(process.env.PG_POOL_MAX ?? 6),
    idleTimeoutMillis: 30_000,
    application_name: `ledger-${process.pid}`,
  });
  pool.on('error', (err) => console.error('pg idle client error', err));
  return pool;
}
