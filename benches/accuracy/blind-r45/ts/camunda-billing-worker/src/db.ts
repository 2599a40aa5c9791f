import mysql from 'mysql2/promise'

export const billingDb = mysql.createPool({
  uri: process.env.BILLING_DB_URL ?? 'mysql://billing@127.0.0.1:3306/billing',
  connectionLimit: 8,
  waitForConnections: true,
  timezone: 'Z',
})
