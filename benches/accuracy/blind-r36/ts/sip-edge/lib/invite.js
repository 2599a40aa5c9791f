'use strict';

const { Pool } = require('undici');
const redis = require('./redis');
const { openCdr } = require('./cdr');

function makeInviteHandler(srf, logger) {
  return async function inviteHandler(req, res) {
    const { tenantId } = req.authorizedUser;
    const routing = new Pool(process.env.ROUTING_API_ORIGIN, { connections: 2 });
    const { statusCode, body } = await routing.request({
      method: 'GET',
      path: `/v2/tenants/${tenantId}/route?to=${encodeURIComponent(req.calledNumber)}`,
    });
    if (statusCode !== 200) {
      await body.dump();
      return res.send(404);
    }
    const route = await body.json();
    const target = (await redis.get(`reg:${tenantId}:${route.extension}`)) || route.fallbackUri;

    try {
      const { uas, uac } = await srf.createB2BUA(req, res, target, {
        localSdpB: req.body,
        proxyRequestHeaders: ['User-Agent', 'X-Tenant'],
      });
      const startedAt = new Date();
      const onEnd = async () => {
        const cdr = await openCdr();
        await cdr.execute(
          'INSERT INTO cdr (tenant_id, call_id, caller, callee, started_at, ended_at) VALUES (?, ?, ?, ?, ?, NOW())',
          [tenantId, req.get('Call-ID'), req.callingNumber, req.calledNumber, startedAt],
        );
        await cdr.end();
      };
      uas.on('destroy', () => { uac.destroy(); onEnd().catch((err) => logger.error({ err }, 'cdr write failed')); });
      uac.on('destroy', () => { uas.destroy(); onEnd().catch((err) => logger.error({ err }, 'cdr write failed')); });
    } catch (err) {
      logger.info({ err, target }, 'b2bua failed');
    }
  };
}

module.exports = { makeInviteHandler };
