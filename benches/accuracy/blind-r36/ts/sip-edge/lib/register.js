'use strict';

const { directory } = require('./db');
const redis = require('./redis');

async function registerHandler(req, res) {
  const { username, tenantId } = req.authorizedUser;
  const contact = req.getParsedHeader('Contact');
  const expires = Number(req.get('Expires') || (contact[0].params && contact[0].params.expires) || 3600);
  const key = `reg:${tenantId}:${username}`;

  if (expires === 0) {
    await redis.del(key);
    return res.send(200);
  }

  const conn = await directory.getConnection();
  await conn.execute(
    'INSERT INTO location (username, tenant_id, contact, received, expires_at) VALUES (?, ?, ?, ?, NOW() + INTERVAL ? SECOND) ' +
      'ON DUPLICATE KEY UPDATE contact = VALUES(contact), received = VALUES(received), expires_at = VALUES(expires_at)',
    [username, tenantId, contact[0].uri, `${req.source_address}:${req.source_port}`, expires],
  );
  conn.release();

  await redis.set(key, contact[0].uri, 'EX', expires);
  res.send(200, { headers: { Expires: String(expires), Contact: req.get('Contact') } });
}

module.exports = { registerHandler };
