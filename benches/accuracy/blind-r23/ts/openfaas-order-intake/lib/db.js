'use strict'

const fs = require('fs')
const mysql = require('mysql2/promise')

function readSecret (name) {
  return fs.readFileSync(`/var/openfaas/secrets/${name}`, 'utf8').trim()
}

// Built once when the watchdog loads the handler; reused by every invocation.
const pool = mysql.createPool({
  host: process.env.MYSQL_HOST,
  user: 'order_intake',
  password: readSecret('orders-db-password'),
  database: 'orders',
  connectionLimit: 6,
  enableKeepAlive: true
})

module.exports = { pool, readSecret }
