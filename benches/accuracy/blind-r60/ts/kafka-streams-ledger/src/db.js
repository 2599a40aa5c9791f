'use strict';
const { Pool } = require('pg');

// Each process (worker, web) calls this once at start-up.
function createPool(role) {
  return new Pool({
    connectionString: process.env.LEDGER_DATABASE_URL,
    max: role === 'web' ? 10 : 5,
    application_name: `ledger-${role}`,
  });
}

module.exports = { createPool };
