'use strict';

const { pool } = require('./lib/db');
const { cache } = require('./lib/cache');

const TTL_SECONDS = 30;

module.exports = async function (context) {
  const req = context.request;
  const memberId = req.query.member || req.get('x-member-id');
  if (!memberId) {
    return { status: 400, body: { error: 'member is required' } };
  }

  if (req.method === 'GET') {
    const key = `loyalty:balance:${memberId}`;
    const cached = await cache().get(key).catch(() => null);
    if (cached !== null) {
      return { status: 200, headers: { 'x-cache': 'hit' }, body: { memberId, points: Number(cached) } };
    }
    const { rows } = await pool.query('SELECT points FROM loyalty_accounts WHERE member_id = $1', [memberId]);
    if (rows.length === 0) return { status: 404, body: { error: 'unknown member' } };
    await cache().set(key, String(rows[0].points), 'EX', TTL_SECONDS).catch(() => undefined);
    return { status: 200, body: { memberId, points: rows[0].points } };
  }

  if (req.method === 'POST') {
    const { points, orderId } = req.body || {};
    if (!Number.isInteger(points) || points <= 0 || !orderId) {
      return { status: 422, body: { error: 'points (positive integer) and orderId are required' } };
    }

    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const { rows } = await client.query(
        'SELECT points FROM loyalty_accounts WHERE member_id = $1 FOR UPDATE',
        [memberId],
      );
      if (rows.length === 0 || rows[0].points < points) {
        await client.query('ROLLBACK');
        return { status: 409, body: { error: 'insufficient points' } };
      }
      await client.query('UPDATE loyalty_accounts SET points = points - $2 WHERE member_id = $1', [memberId, points]);
      await client.query(
        'INSERT INTO loyalty_redemptions (member_id, order_id, points, redeemed_at) VALUES ($1, $2, $3, now())',
        [memberId, orderId, points],
      );
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }

    await cache().del(`loyalty:balance:${memberId}`).catch(() => undefined);
    return { status: 201, body: { memberId, redeemed: points, orderId } };
  }

  return { status: 405, body: { error: 'method not allowed' } };
};
