'use strict';

const mysql = require('mysql2/promise');

const pool = mysql.createPool({ uri: process.env.BILLING_MYSQL_URL, connectionLimit: 150, waitForConnections: true });

async function startCall(uuid, account, destination) {
  await pool.execute(
    'INSERT INTO active_calls (uuid, account_id, destination, started_at) VALUES (?, ?, ?, NOW())',
    [uuid, account, destination],
  );
}

async function finishCall(uuid, billsec) {
  const conn = await pool.getConnection();
  try {
    await conn.beginTransaction();
    const [rows] = await conn.execute(
      'SELECT account_id, destination FROM active_calls WHERE uuid = ? FOR UPDATE',
      [uuid],
    );
    if (rows.length === 0) {
      await conn.rollback();
      return;
    }
    const { account_id: accountId, destination } = rows[0];
    const [[rate]] = await conn.execute(
      'SELECT cents_per_minute FROM rates WHERE ? LIKE CONCAT(prefix, "%") ORDER BY LENGTH(prefix) DESC LIMIT 1',
      [destination],
    );
    const cost = Math.ceil(billsec / 60) * (rate ? rate.cents_per_minute : 0);
    await conn.execute('UPDATE accounts SET balance_cents = balance_cents - ? WHERE id = ?', [cost, accountId]);
    await conn.execute('DELETE FROM active_calls WHERE uuid = ?', [uuid]);
    await conn.commit();
  } catch (err) {
    await conn.rollback();
    throw err;
  } finally {
    conn.release();
  }
}

module.exports = { startCall, finishCall };
