import mysql from 'mysql2/promise';

export const pool = mysql.createPool({
  uri: process.env.CATALOG_DATABASE_URL,
  connectionLimit: 10,
  waitForConnections: true,
  namedPlaceholders: true,
});
