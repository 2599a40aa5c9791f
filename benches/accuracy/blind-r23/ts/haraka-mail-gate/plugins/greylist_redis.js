'use strict';

// Simple triplet greylisting backed by Redis. One connection per worker,
// opened at plugin registration and closed on shutdown.

const Redis = require('ioredis');
const constants = require('haraka-constants');

const GREY_SECONDS = 300;
const WHITE_SECONDS = 36 * 24 * 3600;

exports.register = function () {
  this.redis = new Redis(process.env.REDIS_URL || 'redis://127.0.0.1:6379/3', {
    maxRetriesPerRequest: 2,
    enableOfflineQueue: false,
  });
  this.redis.on('error', (err) => this.logerror(`redis: ${err.message}`));
  this.register_hook('rcpt', 'check_triplet');
};

function tripletKey(connection, params) {
  const from = connection.transaction.mail_from.address().toLowerCase();
  const to = params[0].address().toLowerCase();
  const ipPrefix = connection.remote.ip.split('.').slice(0, 3).join('.');
  return `grey:${ipPrefix}:${from}:${to}`;
}

exports.check_triplet = async function (next, connection, params) {
  if (connection.relaying || connection.remote.is_private) return next();

  const key = tripletKey(connection, params);
  try {
    const firstSeen = await this.redis.get(key);
    if (!firstSeen) {
      await this.redis.set(key, Date.now().toString(), 'EX', WHITE_SECONDS);
      return next(constants.DENYSOFT, 'Greylisted, please try again later');
    }
    if (Date.now() - Number(firstSeen) < GREY_SECONDS * 1000) {
      return next(constants.DENYSOFT, 'Greylisted, please try again later');
    }
    connection.transaction.notes.greylist = 'passed';
    return next();
  } catch (err) {
    connection.logerror(this, `greylist lookup failed: ${err.message}`);
    return next(); // fail open
  }
};

exports.shutdown = function () {
  if (this.redis) this.redis.quit();
};
