import mysql from 'mysql2/promise';

export const pool = mysql.createPool({
  uri: process.env.LOBBY_MYSQL_URL ?? 'mysql://lobby:lobby@localhost:3306/lobby',
  connectionLimit: 10,
  waitForConnections: true,
  enableKeepAlive: true,
});
