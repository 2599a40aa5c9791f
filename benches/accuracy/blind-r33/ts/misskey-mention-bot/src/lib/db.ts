import mysql from "mysql2/promise";

export const pool = mysql.createPool({ uri: process.env.MYSQL_URL, connectionLimit: 200, enableKeepAlive: true });
