import mysql from 'mysql2/promise';

// The WMS replica is owned by the logistics team; credentials rotate weekly,
// so we read them from the environment every time.
export function warehousePool() {
  return mysql.createPool({
    host: process.env.WMS_DB_HOST,
    user: process.env.WMS_DB_USER,
    password: process.env.WMS_DB_PASSWORD,
    database: 'wms',
    connectionLimit: 5,
  });
}
