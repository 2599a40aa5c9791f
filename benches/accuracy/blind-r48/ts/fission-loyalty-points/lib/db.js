'use strict';

const { Pool } = require('pg');

// The function pod loads this module once when it is specialized and then
// serves many requests with it, so the pool lives for the life of the pod.
const pool = new Pool({
  connectionString: process.env.LOYALTY_DATABASE_URL,
  max: 3,
  idleTimeoutMillis: 30000,
});

pool.on('error', (err) => console.error('[loyalty] idle client error', err.message));

module.exports = { pool };
