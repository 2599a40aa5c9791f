'use strict';

const Redis = require('ioredis');

const PRESENCE_TTL_SECONDS = 90;

// Runs for every message a browser sends over the pad socket.
exports.handleMessage = async (hookName, { message, sessionInfo, socket }) => {
  const isReady = message && message.type === 'CLIENT_READY';
  const isEdit = message && message.type === 'COLLABROOM' && message.data && message.data.type === 'USER_CHANGES';
  if (!isReady && !isEdit) return;

  const padId = sessionInfo && sessionInfo.padId;
  if (!padId) return;

  const redis = new Redis(process.env.PAD_PRESENCE_REDIS_URL);
  await redis
    .multi()
    .zadd(`presence:${padId}`, Date.now(), socket.id)
    .expire(`presence:${padId}`, PRESENCE_TTL_SECONDS)
    .exec();
  // returning undefined lets Etherpad continue handling the message
};
