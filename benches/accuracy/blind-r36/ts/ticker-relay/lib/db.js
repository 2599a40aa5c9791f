'use strict';

const { Pool } = require('pg');

// Each process (web, worker, release) calls this exactly once at start-up.
function createPool(role) {
  const pool = new Pool({
    connectionString: process.env.DATABASE_URL,
    max: Number(process.env.PG_POOL_MAX || 8),
    application_name: `ticker-relay:${role}`,
    ssl: process.env.PGSSL === 'off' ? false : { rejectUnauthorized: false },
  });
  pool.on('error', (err) => console.error(`[${role}] idle pg client error`, err));
  return pool;
}

module.exports = { createPool };
