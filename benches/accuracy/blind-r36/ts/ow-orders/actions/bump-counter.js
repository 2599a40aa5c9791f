'use strict';

const { redisFor } = require('../lib/tenants');

async function main(params) {
  const tenant = params.tenant;
  const counter = params.counter || 'page_views';
  try {
    const redis = redisFor(tenant, params);
    const value = await redis.incr(`counter:${counter}`);
    return { statusCode: 200, body: { tenant, counter, value } };
  } catch (err) {
    return { statusCode: 400, body: { error: err.message } };
  }
}

exports.main = main;
