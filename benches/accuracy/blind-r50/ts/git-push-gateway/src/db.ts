import mysql from "mysql2/promise";

let pool: mysql.Pool | null = null;

// One pool per process, created on first use.
export function getPool(): mysql.Pool {
  if (pool === null) {
    pool = mysql.createPool({
      uri: process.env.MYSQL_URL,
      connectionLimit: 8,
      waitForConnections: true,
    });
  }
  return pool;
}
