import mysql from 'mysql2/promise';

export const wms = mysql.createPool({
  uri: process.env.WMS_DATABASE_URL,
  connectionLimit: 4,
  waitForConnections: true,
});
