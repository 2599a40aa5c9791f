'use strict';
const { Pool } = require('pg');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Start-up only: keep trying until the pricing DB answers, then hand the pool back.
async function createPool(connectionString, attempts = 5) {
  let lastErr;
  for (let i = 0; i < attempts; i++) {
    const pool = new Pool({ connectionString, max: 10, application_name: 'pricing-rpc' });
    try {
      await pool.query('SELECT 1');
      return pool;
    } catch (err) {
      lastErr = err;
      await pool.end().catch(() => {});
      await sleep(500 * 2 ** i);
    }
  }
  throw lastErr;
}

module.exports = { createPool };
