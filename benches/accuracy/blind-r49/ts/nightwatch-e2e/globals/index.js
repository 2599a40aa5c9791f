"use strict";

const { Pool } = require("pg");

let pool = null;

async function resetCart(userEmail) {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query(
      "DELETE FROM cart_item WHERE cart_id IN (SELECT c.id FROM cart c JOIN users u ON u.id = c.user_id WHERE u.email = $1)",
      [userEmail],
    );
    await client.query("COMMIT");
  } catch (err) {
    await client.query("ROLLBACK");
    throw err;
  } finally {
    client.release();
  }
}

module.exports = {
  asyncHookTimeout: 20000,
  testUser: "e2e-buyer@example.test",

  async before() {
    pool = new Pool({ connectionString: process.env.E2E_DATABASE_URL, max: 2 });
    await pool.query("SELECT 1");
  },

  async beforeEach(browser) {
    await resetCart(browser.globals.testUser);
  },

  async orderCount(email) {
    const { rows } = await pool.query(
      "SELECT COUNT(*)::int AS n FROM orders o JOIN users u ON u.id = o.user_id WHERE u.email = $1",
      [email],
    );
    return rows[0].n;
  },

  async after() {
    if (pool) await pool.end();
    pool = null;
  },
};
