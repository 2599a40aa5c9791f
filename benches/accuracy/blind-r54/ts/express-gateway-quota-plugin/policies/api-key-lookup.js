'use strict';

const { createHash } = require('crypto');
const { getPg } = require('../lib/clients');

module.exports = {
  name: 'api-key-lookup',
  schema: {
    $id: 'http://express-gateway.io/schemas/policies/api-key-lookup.json',
    type: 'object',
    properties: {
      header: { type: 'string', default: 'x-api-key' },
      touchLastUsed: { type: 'boolean', default: true },
    },
  },
  policy: (actionParams) => {
    const header = (actionParams.header || 'x-api-key').toLowerCase();
    const pool = getPg();

    return async (req, res, next) => {
      const presented = req.headers[header];
      if (!presented) {
        return res.status(401).json({ error: 'missing_api_key' });
      }
      const digest = createHash('sha256').update(String(presented)).digest('hex');

      const client = await pool.connect();
      try {
        const { rows } = await client.query(
          `SELECT k.id, k.tenant_id, t.plan, t.suspended
             FROM api_keys k JOIN tenants t ON t.id = k.tenant_id
            WHERE k.key_sha256 = $1 AND k.revoked_at IS NULL`,
          [digest]
        );
        if (rows.length === 0) {
          return res.status(401).json({ error: 'invalid_api_key' });
        }
        if (rows[0].suspended) {
          return res.status(403).json({ error: 'tenant_suspended' });
        }
        if (actionParams.touchLastUsed !== false) {
          await client.query('UPDATE api_keys SET last_used_at = now() WHERE id = $1', [rows[0].id]);
        }
        req.egContext.tenant = { id: rows[0].tenant_id, plan: rows[0].plan };
        return next();
      } catch (err) {
        return next(err);
      } finally {
        client.release();
      }
    };
  },
};
