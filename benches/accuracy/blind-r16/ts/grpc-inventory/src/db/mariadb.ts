import mariadb from 'mariadb';

const base = {
  host: process.env.MARIADB_HOST ?? 'localhost',
  port: Number(process.env.MARIADB_PORT ?? 3306),
  user: process.env.MARIADB_USER ?? 'inventory',
  password: process.env.MARIADB_PASSWORD,
  database: process.env.MARIADB_DATABASE ?? 'inventory',
};

// Main OLTP pool shared by every RPC handler.
export const pool = mariadb.createPool({ ...base, connectionLimit: 80, acquireTimeout: 5_000 });

// Reporting connections go to the read replica.
export function createReportPool(): mariadb.Pool {
  return mariadb.createPool({
    ...base,
    host: process.env.MARIADB_REPLICA_HOST ?? base.host,
    connectionLimit: 4,
    rowsAsArray: false,
  });
}
