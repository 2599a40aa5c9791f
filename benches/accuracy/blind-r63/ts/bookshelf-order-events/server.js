'use strict';

const http = require('node:http');
const { knex } = require('./lib/bookshelf');
const { shutdown } = require('./lib/events');
const orders = require('./routes/orders');

function readJson(req) {
  return new Promise((resolve, reject) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      try {
        resolve(raw ? JSON.parse(raw) : {});
      } catch (e) {
        reject(e);
      }
    });
    req.on('error', reject);
  });
}

function send(res, status, body) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(body === undefined ? '' : JSON.stringify(body));
}

const server = http.createServer(async (req, res) => {
  try {
    const match = req.url.match(/^\/orders(?:\/(\d+))?(\/status)?$/);
    if (!match) return send(res, 404, { error: 'not found' });
    const [, id, statusPath] = match;

    if (req.method === 'POST' && !id) {
      const order = await orders.createOrder(await readJson(req));
      return send(res, 201, order.toJSON());
    }
    if (req.method === 'PUT' && id && statusPath) {
      const { status } = await readJson(req);
      const order = await orders.setStatus(Number(id), status);
      return order ? send(res, 200, order.toJSON()) : send(res, 404, { error: 'no such order' });
    }
    if (req.method === 'GET' && id) {
      const order = await orders.getOrder(Number(id));
      return order ? send(res, 200, order) : send(res, 404, { error: 'no such order' });
    }
    return send(res, 405, { error: 'method not allowed' });
  } catch (err) {
    console.error(err);
    return send(res, 500, { error: 'internal' });
  }
});

server.listen(Number(process.env.PORT || 8080));

process.once('SIGTERM', () => {
  server.close(async () => {
    await shutdown();
    await knex.destroy();
  });
});
