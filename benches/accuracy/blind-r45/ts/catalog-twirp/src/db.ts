import mysql from 'mysql2/promise'

export const pool = mysql.createPool({
  uri: process.env.CATALOG_DB_URL ?? 'mysql://catalog@127.0.0.1:3306/catalog',
  connectionLimit: 12,
  waitForConnections: true,
  namedPlaceholders: true,
})
