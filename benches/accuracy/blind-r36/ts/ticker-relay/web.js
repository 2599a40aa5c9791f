'use strict';

const http = require('http');
const WebSocketServer = require('websocket').server;
const { createPool } = require('./lib/db');

const pool = createPool('web');
const ALLOWED_ORIGINS = (process.env.ALLOWED_ORIGINS || '').split(',').filter(Boolean);

const httpServer = http.createServer((req, res) => {
  if (req.url === '/healthz') {
    pool.query('SELECT 1').then(() => res.end('ok'), () => res.writeHead(503).end('db down'));
    return;
  }
  res.writeHead(404).end();
});

const wsServer = new WebSocketServer({ httpServer, autoAcceptConnections: false });

async function latestTicks(symbols) {
  const { rows } = await pool.query(
    'SELECT DISTINCT ON (symbol) symbol, bid, ask, ts FROM ticks WHERE symbol = ANY($1) ORDER BY symbol, ts DESC',
    [symbols],
  );
  return rows;
}

wsServer.on('request', (request) => {
  if (ALLOWED_ORIGINS.length && !ALLOWED_ORIGINS.includes(request.origin)) {
    request.reject(403, 'origin not allowed');
    return;
  }
  const connection = request.accept('ticker-v1', request.origin);
  let timer = null;

  connection.on('message', async (message) => {
    if (message.type !== 'utf8') return;
    let cmd;
    try {
      cmd = JSON.parse(message.utf8Data);
    } catch {
      connection.sendUTF(JSON.stringify({ error: 'bad json' }));
      return;
    }
    if (cmd.op === 'watch' && Array.isArray(cmd.symbols)) {
      clearInterval(timer);
      const push = async () => {
        try {
          connection.sendUTF(JSON.stringify({ op: 'ticks', ticks: await latestTicks(cmd.symbols) }));
        } catch (err) {
          connection.sendUTF(JSON.stringify({ error: 'lookup failed' }));
        }
      };
      await push();
      timer = setInterval(push, 1000);
    }
  });

  connection.on('close', () => clearInterval(timer));
});

httpServer.listen(Number(process.env.PORT || 5000), () => console.log('ticker web up'));

process.on('SIGTERM', () => {
  wsServer.shutDown();
  httpServer.close(() => pool.end().then(() => process.exit(0)));
});
