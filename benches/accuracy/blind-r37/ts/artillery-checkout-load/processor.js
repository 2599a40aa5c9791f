'use strict';

// Artillery processor: the hooks below are called by the Artillery worker
// for every virtual user (beforeScenario / afterScenario) and for every
// request (beforeRequest / afterResponse).

const crypto = require('node:crypto');
const { Pool } = require('pg');
const Redis = require('ioredis');

const SIGNING_KEY = process.env.LOADTEST_SIGNING_KEY || 'staging-only-key';
const REDIS_URL = process.env.LOADTEST_REDIS_URL || 'redis://localhost:6379/3';

// One metrics connection for the whole worker process.
const metrics = new Redis(REDIS_URL, { lazyConnect: false, maxRetriesPerRequest: 2 });

function loadUser(context, events, done) {
  const fixtures = new Pool({
    connectionString: process.env.FIXTURES_DATABASE_URL,
    max: 2,
  });

  fixtures
    .query(
      `UPDATE loadtest_users SET checked_out = true
        WHERE id = (SELECT id FROM loadtest_users WHERE NOT checked_out
                    ORDER BY random() LIMIT 1 FOR UPDATE SKIP LOCKED)
        RETURNING id, email, api_token`
    )
    .then(({ rows }) => {
      if (rows.length === 0) {
        return done(new Error('fixture pool exhausted'));
      }
      context.vars.userId = rows[0].id;
      context.vars.email = rows[0].email;
      context.vars.apiToken = rows[0].api_token;
      events.emit('counter', 'fixtures.checked_out', 1);
      return done();
    })
    .catch(done);
}

function releaseUser(context, events, done) {
  metrics
    .sadd('loadtest:used-users', String(context.vars.userId))
    .then(() => done())
    .catch(done);
}

function signRequest(requestParams, context, ee, next) {
  const ts = Date.now().toString();
  const body = requestParams.json ? JSON.stringify(requestParams.json) : '';
  const sig = crypto
    .createHmac('sha256', SIGNING_KEY)
    .update(`${ts}.${requestParams.url}.${body}`)
    .digest('hex');

  requestParams.headers = Object.assign({}, requestParams.headers, {
    authorization: `Bearer ${context.vars.apiToken}`,
    'x-loadtest-ts': ts,
    'x-loadtest-signature': sig,
  });
  return next();
}

function captureOrder(requestParams, response, context, ee, next) {
  let orderId = null;
  try {
    orderId = JSON.parse(response.body).orderId;
  } catch (_) {
    ee.emit('counter', 'checkout.unparseable', 1);
  }

  const orders = new Redis(REDIS_URL);
  orders
    .multi()
    .rpush('loadtest:orders', JSON.stringify({ orderId, user: context.vars.userId, status: response.statusCode }))
    .hincrby('loadtest:status', String(response.statusCode), 1)
    .exec()
    .then(() => next())
    .catch(next);
}

module.exports = { loadUser, releaseUser, signRequest, captureOrder };
