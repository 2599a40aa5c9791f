import mysql from "mysql2/promise";

export function createPool(): mysql.Pool {
  return mysql.createPool({
    uri: process.env.MYSQL_URL ?? "mysql://bot:bot@localhost:3306/orders",
    connectionLimit: 10,
    waitForConnections: true,
    enableKeepAlive: true,
  });
}
