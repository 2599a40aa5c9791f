'use strict';
const http = require('node:http');
const { createPool } = require('./db');

const pool = createPool('web');

const server = http.createServer(async (req, res) => {
  const match = /^\/accounts\/([\w-]+)\/balance$/.exec(req.url || '');
  if (req.method !== 'GET' || !match) {
    res.writeHead(404).end();
    return;
  }
  try {
    const { rows } = await pool.query('SELECT balance_cents FROM balances WHERE account_id = $1', [match[1]]);
    res.writeHead(rows.length ? 200 : 404, { 'content-type': 'application/json' });
    res.end(JSON.stringify(rows.length ? { accountId: match[1], balanceCents: Number(rows[0].balance_cents) } : {}));
  } catch (err) {
    console.error(err);
    res.writeHead(500).end();
  }
});

server.listen(Number(process.env.PORT || 8080), () => console.log('ledger web listening'));

process.on('SIGTERM', () => server.close(() => pool.end()));
