'use strict';

const { Pool } = require('pg');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Builds the process's pool. Each process (collector, api) calls this exactly
 * once at start-up; the probe loop covers the gateway booting before the
 * database container is ready.
 */
async function createPool(role, { attempts = 15, max = 4 } = {}) {
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const pool = new Pool({
      connectionString: process.env.FLEET_DB_URL,
      max,
      idleTimeoutMillis: 30000,
      application_name: `fleet-${role}`,
    });
    try {
      await pool.query('SELECT 1');
      pool.on('error', (err) => console.error(`[${role}] idle pg client error`, err.message));
      return pool;
    } catch (err) {
      await pool.end().catch(() => {});
      console.warn(`[${role}] postgres not ready (${attempt}/${attempts}): ${err.message}`);
      await sleep(2000);
    }
  }
  throw new Error(`[${role}] postgres unavailable`);
}

module.exports = { createPool };
