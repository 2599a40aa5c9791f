'use strict';

const { Pool } = require('pg');

const pool = new Pool({
  connectionString: process.env.LEDGER_DATABASE_URL,
  max: 10,
  idleTimeoutMillis: 30000,
});

pool.on('error', (err) => {
  console.error('idle pg client error', err);
});

module.exports = { pool };
