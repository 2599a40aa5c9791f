'use strict';

const kue = require('kue');

function createQueue() {
  return kue.createQueue({
    prefix: 'print',
    redis: process.env.REDIS_URL || 'redis://127.0.0.1:6379',
  });
}

module.exports = { createQueue };
