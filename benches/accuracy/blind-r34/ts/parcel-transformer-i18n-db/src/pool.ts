import mysql, { type Pool } from 'mysql2/promise';

// One pool per Parcel worker process, created on first use.
let pool: Pool | undefined;

export function getPool(): Pool {
  if (!pool) {
    pool = mysql.createPool({
      uri: process.env.I18N_DATABASE_URL,
      connectionLimit: 4,
      waitForConnections: true,
    });
  }
  return pool;
}
