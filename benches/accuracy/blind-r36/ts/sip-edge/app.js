'use strict';

const Srf = require('drachtio-srf');
const logger = require('pino')({ level: process.env.LOG_LEVEL || 'info' });
const digestAuth = require('./lib/auth');
const { registerHandler } = require('./lib/register');
const { makeInviteHandler } = require('./lib/invite');

const srf = new Srf();

srf.connect({
  host: process.env.DRACHTIO_HOST || '127.0.0.1',
  port: Number(process.env.DRACHTIO_PORT || 9022),
  secret: process.env.DRACHTIO_SECRET,
});

srf.on('connect', (err, hostport) => {
  if (err) return logger.error({ err }, 'drachtio connect failed');
  logger.info({ hostport }, 'connected to drachtio server');
});
srf.on('error', (err) => logger.error({ err }, 'drachtio error'));

srf.use('register', digestAuth);
srf.use('invite', digestAuth);

srf.register(registerHandler);
srf.invite(makeInviteHandler(srf, logger));
srf.options((req, res) => res.send(200));
