'use strict';
const { rateFromEur } = require('./fx');

async function quote(pool, sku, quantity, currency) {
  const { rows } = await pool.query(
    `SELECT p.base_price_eur, COALESCE(MAX(t.discount_pct), 0) AS discount_pct
       FROM products p
       LEFT JOIN volume_tiers t ON t.sku = p.sku AND t.min_qty <= $2
      WHERE p.sku = $1
      GROUP BY p.base_price_eur`,
    [sku, quantity],
  );
  if (rows.length === 0) throw new Error(`unknown sku ${sku}`);
  const rate = await rateFromEur(currency);
  const unit = Number(rows[0].base_price_eur) * (1 - Number(rows[0].discount_pct) / 100) * rate;
  return { sku, quantity, currency, unit: Math.round(unit * 100) / 100, total: Math.round(unit * quantity * 100) / 100 };
}

// Locks the price list rows so a concurrent reprice cannot change them mid-quote.
async function lockedQuote(pool, items, currency) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
    const out = [];
    for (const { sku, quantity } of items) {
      out.push(await quote(client, sku, quantity, currency));
    }
    await client.query('COMMIT');
    return out;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}

module.exports = { quote, lockedQuote };
