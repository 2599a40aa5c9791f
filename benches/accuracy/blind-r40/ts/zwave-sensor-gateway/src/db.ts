import mariadb from "mariadb";

export const pool = mariadb.createPool({
  host: process.env.DB_HOST ?? "localhost",
  user: process.env.DB_USER ?? "zwave",
  password: process.env.DB_PASSWORD,
  database: process.env.DB_NAME ?? "sensors",
  connectionLimit: 5,
});
