import mysql from 'mysql2/promise'

export const pool = mysql.createPool({
  uri: process.env.MYSQL_URL ?? 'mysql://chat:chat@localhost:3306/chat',
  connectionLimit: 10,
  waitForConnections: true,
  enableKeepAlive: true,
})
