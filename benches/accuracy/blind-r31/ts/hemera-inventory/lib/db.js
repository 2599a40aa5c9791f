'use strict'

const { Pool } = require('pg')

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

// Shared by the gateway and the inventory service. Each process calls this
// once during start-up; every process therefore owns exactly one pool.
async function createPool({ max = 10, attempts = 20 } = {}) {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max })
  for (let attempt = 1; ; attempt++) {
    try {
      await pool.query('SELECT 1')
      return pool
    } catch (err) {
      if (attempt >= attempts) {
        await pool.end()
        throw err
      }
      console.warn(`postgres not ready (${err.code || err.message}), retry ${attempt}`)
      await sleep(Math.min(500 * attempt, 5000))
    }
  }
}

module.exports = { createPool }
