'use strict';

const { Client } = require('pg');

/**
 * Opens a connection to the API quality database.
 * The caller owns the returned client and must call end() on it.
 */
async function openDb(connectionString) {
  const client = new Client({
    connectionString: connectionString || process.env.LATENCY_DB_URL,
    application_name: 'newman-reporter-latency',
    statement_timeout: 5000,
  });
  await client.connect();
  return client;
}

module.exports = { openDb };
