const { Pool } = require('pg');

// Seneca calls this plugin definition once, at seneca.use().
// Actions registered with seneca.add run once per inbound message.
module.exports = function inventory(options) {
  const seneca = this;
  const pool = new Pool({ connectionString: options.dbUrl, max: options.poolSize || 10 });

  seneca.add('init:inventory', function (msg, reply) {
    pool
      .query('SELECT 1')
      .then(() => reply())
      .catch(reply);
  });

  seneca.add('role:inventory,cmd:stock', function (msg, reply) {
    pool
      .query('SELECT sku, on_hand, reserved FROM stock WHERE sku = $1', [msg.sku])
      .then((res) => reply(null, res.rows[0] || { sku: msg.sku, on_hand: 0, reserved: 0 }))
      .catch(reply);
  });

  seneca.add('role:inventory,cmd:reserve', function (msg, reply) {
    reserve(msg.sku, msg.qty, msg.orderId)
      .then((ok) => {
        if (ok) seneca.act('role:notify,cmd:reserved', { sku: msg.sku, orderId: msg.orderId });
        reply(null, { ok });
      })
      .catch(reply);
  });

  async function reserve(sku, qty, orderId) {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const res = await client.query(
        'UPDATE stock SET reserved = reserved + $2 WHERE sku = $1 AND on_hand - reserved >= $2',
        [sku, qty],
      );
      if (res.rowCount === 0) {
        await client.query('ROLLBACK');
        return false;
      }
      await client.query('INSERT INTO reservations (order_id, sku, qty) VALUES ($1, $2, $3)', [orderId, sku, qty]);
      await client.query('COMMIT');
      return true;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      throw err;
    } finally {
      client.release();
    }
  }

  seneca.add('role:seneca,cmd:close', function (msg, reply) {
    const prior = this.prior.bind(this);
    pool.end().finally(() => prior(msg, reply));
  });

  return 'inventory';
};
