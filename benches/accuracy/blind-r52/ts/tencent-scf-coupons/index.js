'use strict';

const { redeem, listActive } = require('./lib/coupons');

function respond(statusCode, body) {
  return {
    isBase64Encoded: false,
    statusCode,
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
    body: JSON.stringify(body),
  };
}

function parseBody(event) {
  if (!event.body) return {};
  const raw = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  try {
    return JSON.parse(raw);
  } catch {
    return {};
  }
}

// Entry point: invoked once per API Gateway request.
exports.main_handler = async (event, context) => {
  const method = (event.httpMethod || 'GET').toUpperCase();
  const query = event.queryString || {};
  const userId = event.headers && event.headers['x-user-id'];

  try {
    if (method === 'GET') {
      if (!query.campaign) return respond(400, { error: 'campaign is required' });
      return respond(200, await listActive(query.campaign));
    }

    if (method === 'POST') {
      const { code } = parseBody(event);
      if (!code || !userId) return respond(400, { error: 'code and x-user-id are required' });
      const result = await redeem(String(code).toUpperCase(), userId);
      return respond(result.status, result.body);
    }

    return respond(405, { error: 'method not allowed' });
  } catch (err) {
    console.error(`request ${context.request_id} failed`, err);
    return respond(500, { error: 'internal error' });
  }
};
