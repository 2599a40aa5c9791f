import mysql from "mysql2/promise";
import { Redis } from "ioredis";

export const pool = mysql.createPool({
  uri: process.env.SHOP_MYSQL_URL,
  connectionLimit: 10,
  waitForConnections: true,
});

export const redis = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379");

export const dbConfig = {
  host: process.env.SHOP_MYSQL_HOST ?? "127.0.0.1",
  user: process.env.SHOP_MYSQL_USER ?? "shop",
  password: process.env.SHOP_MYSQL_PASSWORD,
  database: "shop",
};
