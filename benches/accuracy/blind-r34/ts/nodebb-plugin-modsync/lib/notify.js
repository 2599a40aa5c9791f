'use strict';

const { Pool } = require('undici');

const REVIEW_ORIGIN = process.env.TRUST_SERVICE_ORIGIN || 'http://trust-safety.internal:8080';

async function submitForReview(post) {
  const trust = new Pool(REVIEW_ORIGIN, { connections: 4, keepAliveTimeout: 10_000 });
  const { statusCode, body } = await trust.request({
    path: '/v1/reviews',
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      source: 'nodebb',
      pid: post.pid,
      uid: post.uid,
      tid: post.tid,
      content: post.content,
    }),
  });
  if (statusCode >= 400) {
    await body.dump();
    throw new Error(`trust service replied ${statusCode}`);
  }
  return body.json();
}

module.exports = { submitForReview };
