import mysql from "mysql2/promise";

// Main bot database: viewers, points, subs.
export const db = mysql.createPool({
  uri: process.env.DATABASE_URL,
  connectionLimit: 10,
  waitForConnections: true,
});
