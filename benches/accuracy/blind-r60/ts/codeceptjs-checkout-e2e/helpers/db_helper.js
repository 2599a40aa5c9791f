const Helper = require('@codeceptjs/helper');
const { Pool } = require('pg');

/**
 * Database helper for checkout tests.
 * CodeceptJS creates one instance per run (per worker with run-workers):
 *   _init        once, before any test
 *   _before      before every test
 *   _finishTest  once, after all tests
 */
class DbHelper extends Helper {
  constructor(config) {
    super(config);
    this.pool = null;
  }

  async _init() {
    this.pool = new Pool({ connectionString: this.config.url, max: 3, application_name: 'codecept-e2e' });
  }

  async _before() {
    // every scenario starts from an empty cart/order state
    await this.pool.query('TRUNCATE order_lines, orders, carts RESTART IDENTITY CASCADE');
  }

  async haveProduct(sku, priceCents, stock = 10) {
    const { rows } = await this.pool.query(
      `INSERT INTO products (sku, title, price_cents, stock) VALUES ($1, $1, $2, $3)
       ON CONFLICT (sku) DO UPDATE SET price_cents = EXCLUDED.price_cents, stock = EXCLUDED.stock
       RETURNING id`,
      [sku, priceCents, stock],
    );
    return rows[0].id;
  }

  async haveOrder(email, lines) {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const { rows } = await client.query('INSERT INTO orders (email, status) VALUES ($1, $2) RETURNING id', [
        email,
        'placed',
      ]);
      for (const line of lines) {
        await client.query(
          'INSERT INTO order_lines (order_id, product_id, quantity) SELECT $1, id, $3 FROM products WHERE sku = $2',
          [rows[0].id, line.sku, line.quantity],
        );
      }
      await client.query('COMMIT');
      return rows[0].id;
    } catch (err) {
      await client.query('ROLLBACK');
      throw err;
    } finally {
      client.release();
    }
  }

  async seeOrderInDb(email, expectedStatus) {
    const { rows } = await this.pool.query('SELECT status FROM orders WHERE email = $1 ORDER BY id DESC LIMIT 1', [
      email,
    ]);
    if (rows.length === 0) throw new Error(`no order for ${email}`);
    if (rows[0].status !== expectedStatus) {
      throw new Error(`expected order status ${expectedStatus}, got ${rows[0].status}`);
    }
  }

  async recordFailure(title, message) {
    await this.pool.query(`INSERT INTO ${this.config.resultsTable} (test_title, message) VALUES ($1, $2)`, [
      title,
      message,
    ]);
  }

  async _finishTest() {
    if (this.pool) await this.pool.end();
  }
}

module.exports = DbHelper;
