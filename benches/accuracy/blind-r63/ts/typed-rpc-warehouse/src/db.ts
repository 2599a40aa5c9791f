import mysql from "mysql2/promise";

export const pool = mysql.createPool({
  uri: process.env.INVENTORY_DATABASE_URL,
  connectionLimit: 10,
  waitForConnections: true,
  enableKeepAlive: true,
});
