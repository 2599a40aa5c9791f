import { getConfig } from '@evershop/evershop/src/lib/util/getConfig.js';
import { pool } from '@evershop/evershop/src/lib/postgres/connection.js';

/**
 * EverShop runs each extension's bootstrap once when the app starts.
 * Make sure the loyalty tables exist and the config is sane; everything
 * else (pool, S3 client) is shared or created lazily.
 */
export default async () => {
  const rate = Number(getConfig('loyalty.pointsPerEuro', 10));
  if (!Number.isFinite(rate) || rate <= 0) {
    throw new Error(`loyalty.pointsPerEuro must be a positive number, got ${rate}`);
  }
  if (!getConfig('loyalty.statementBucket')) {
    throw new Error('loyalty.statementBucket is not configured');
  }

  await pool.query(`
    CREATE TABLE IF NOT EXISTS loyalty_point_tx (
      loyalty_point_tx_id SERIAL PRIMARY KEY,
      customer_id INT NOT NULL,
      order_id INT,
      points INT NOT NULL,
      reason VARCHAR(64) NOT NULL,
      created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
      UNIQUE (order_id, reason)
    )`);
  await pool.query(`
    CREATE TABLE IF NOT EXISTS loyalty_balance (
      customer_id INT PRIMARY KEY,
      points INT NOT NULL DEFAULT 0,
      updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
    )`);
};
