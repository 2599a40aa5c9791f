import mysql from 'mysql2/promise';

export const pool = mysql.createPool({
  uri: process.env.RADIO_DB_URL,
  connectionLimit: 10,
  waitForConnections: true,
});
