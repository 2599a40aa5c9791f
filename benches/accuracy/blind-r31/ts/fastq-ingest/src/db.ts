import mysql from "mysql2/promise";

export const pool = mysql.createPool({
  uri: process.env.MYSQL_URL ?? "mysql://ingest@localhost:3306/media",
  connectionLimit: 120,
  waitForConnections: true,
  queueLimit: 0,
});
