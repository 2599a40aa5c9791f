'use strict';

const { getPool, getRedis, cos } = require('./clients');

const BUCKET = process.env.COS_BUCKET;
const REGION = process.env.TENCENTCLOUD_REGION || 'ap-guangzhou';

async function redeem(code, userId) {
  const redis = getRedis();
  const lockKey = `coupon:lock:${code}`;
  const locked = await redis.set(lockKey, userId, 'EX', 10, 'NX');
  if (locked !== 'OK') {
    return { status: 409, body: { error: 'coupon is being redeemed' } };
  }

  const client = await getPool().connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query(
      'SELECT id, remaining, expires_at FROM coupons WHERE code = $1 FOR UPDATE',
      [code],
    );
    const coupon = rows[0];
    if (!coupon || coupon.remaining <= 0 || coupon.expires_at < new Date()) {
      await client.query('ROLLBACK');
      return { status: 410, body: { error: 'coupon not available' } };
    }
    await client.query('UPDATE coupons SET remaining = remaining - 1 WHERE id = $1', [coupon.id]);
    await client.query(
      'INSERT INTO coupon_redemptions (coupon_id, user_id, redeemed_at) VALUES ($1, $2, now())',
      [coupon.id, userId],
    );
    await client.query('COMMIT');
    return { status: 200, body: { ok: true, remaining: coupon.remaining - 1 } };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
    await redis.del(lockKey);
  }
}

function bannerUrl(campaign) {
  // synchronous form: returns a signed URL string, no request is made
  return cos.getObjectUrl({
    Bucket: BUCKET,
    Region: REGION,
    Key: `campaigns/${campaign}/banner.webp`,
    Sign: true,
    Expires: 600,
  });
}

async function listActive(campaign) {
  const { rows } = await getPool().query(
    `SELECT code, title, remaining, expires_at
       FROM coupons
      WHERE campaign = $1 AND remaining > 0 AND expires_at > now()
      ORDER BY expires_at`,
    [campaign],
  );
  return { coupons: rows, banner: bannerUrl(campaign) };
}

module.exports = { redeem, listActive };
