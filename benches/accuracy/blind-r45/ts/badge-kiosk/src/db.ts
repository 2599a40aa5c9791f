import mysql from 'mysql2/promise'

// One pool for the kiosk process; door events are rare enough that 4 connections is plenty.
export const pool = mysql.createPool({
  uri: process.env.CHECKIN_DB_URL ?? 'mysql://kiosk@127.0.0.1:3306/gym',
  connectionLimit: 4,
  waitForConnections: true,
  enableKeepAlive: true,
})
