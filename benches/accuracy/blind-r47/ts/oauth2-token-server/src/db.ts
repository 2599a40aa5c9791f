import mysql from 'mysql2/promise'

export const pool = mysql.createPool({ uri: process.env.OAUTH_DB_URL, connectionLimit: 100, waitForConnections: true })
