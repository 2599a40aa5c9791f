const { Pool } = require('pg');

/** @type {import('pg').Pool | null} */
let pool = null;

/**
 * Opened by hooks.testRun.before in .testcaferc.js, once per `testcafe` run.
 * Every fixture, test and request hook reuses it; hooks.testRun.after ends it.
 */
async function openPool() {
  if (pool) return pool;
  pool = new Pool({
    connectionString: process.env.E2E_DATABASE_URL || 'postgres://shop:shop@localhost:5432/shop_e2e',
    max: 6,
    idleTimeoutMillis: 10000,
    application_name: 'testcafe-e2e',
  });
  await pool.query('SELECT 1');
  return pool;
}

function getPool() {
  if (!pool) {
    throw new Error('E2E database pool is not open - is hooks.testRun.before configured?');
  }
  return pool;
}

async function closePool() {
  if (!pool) return;
  const p = pool;
  pool = null;
  await p.end();
}

/** Removes everything a previous test created for this customer. */
async function resetCustomer(email) {
  const client = await getPool().connect();
  try {
    await client.query('BEGIN');
    await client.query('DELETE FROM cart_items WHERE cart_id IN (SELECT id FROM carts WHERE email = $1)', [email]);
    await client.query('DELETE FROM carts WHERE email = $1', [email]);
    await client.query('DELETE FROM orders WHERE email = $1', [email]);
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  } finally {
    client.release();
  }
}

module.exports = { openPool, getPool, closePool, resetCustomer };
