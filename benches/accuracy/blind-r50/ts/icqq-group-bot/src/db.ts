import mysql from "mysql2/promise";

// Factory: main.ts calls this exactly once at start-up.
export function createDbPool(): mysql.Pool {
  return mysql.createPool({
    host: process.env.MYSQL_HOST ?? "127.0.0.1",
    user: process.env.MYSQL_USER ?? "bot",
    password: process.env.MYSQL_PASSWORD,
    database: process.env.MYSQL_DATABASE ?? "groupbot",
    connectionLimit: 6,
    charset: "utf8mb4",
  });
}
