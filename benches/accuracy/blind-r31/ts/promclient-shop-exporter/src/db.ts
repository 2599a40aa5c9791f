import mysql from "mysql2/promise";

export const pool = mysql.createPool({
  uri: process.env.MYSQL_URL ?? "mysql://exporter@localhost:3306/shop",
  connectionLimit: 4,
  enableKeepAlive: true,
});
