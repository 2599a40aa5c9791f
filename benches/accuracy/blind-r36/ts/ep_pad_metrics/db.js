'use strict';

const { Pool } = require('pg');

// Metrics database shared by the pad hooks.
const pool = new Pool({
  connectionString: process.env.PAD_METRICS_DATABASE_URL,
  max: 5,
  idleTimeoutMillis: 30000,
});

pool.on('error', (err) => {
  console.error('[ep_pad_metrics] idle client error', err);
});

module.exports = { pool };
