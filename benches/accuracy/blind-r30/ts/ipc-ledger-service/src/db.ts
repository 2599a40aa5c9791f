import mysql from "mysql2/promise";

export const pool = mysql.createPool({
  uri: process.env.MYSQL_URL ?? "mysql://ledger:ledger@127.0.0.1:3306/ledger",
  waitForConnections: true,
  connectionLimit: 150,
  queueLimit: 0,
  decimalNumbers: true,
});
