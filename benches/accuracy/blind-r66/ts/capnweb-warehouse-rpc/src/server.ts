import http from 'node:http';
import { WebSocketServer } from 'ws';
import { newWebSocketRpcSession, nodeHttpBatchRpcResponse } from 'capnweb';
import { WarehouseApi } from './api.js';

const PORT = Number(process.env.PORT ?? 8787);

function siteOf(value: string | string[] | null | undefined): string {
  const site = String(value ?? 'main').toLowerCase();
  return /^[a-z0-9_]{1,16}$/.test(site) ? site : 'main';
}

const server = http.createServer(async (req, res) => {
  if (req.headers.upgrade?.toLowerCase() === 'websocket') return; // handled by wss

  if (req.url?.startsWith('/rpc')) {
    try {
      await nodeHttpBatchRpcResponse(req, res, new WarehouseApi(siteOf(req.headers['x-site'])), {
        headers: { 'Access-Control-Allow-Origin': '*' },
      });
    } catch (err) {
      console.error('rpc batch failed', err);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    }
    return;
  }

  if (req.url === '/healthz') {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('ok');
    return;
  }

  res.writeHead(404);
  res.end();
});

// Scanners keep a WebSocket session open for a whole picking shift.
const wss = new WebSocketServer({ server, path: '/rpc' });
wss.on('connection', (ws, req) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  newWebSocketRpcSession(ws as any, new WarehouseApi(siteOf(url.searchParams.get('site'))));
});

server.listen(PORT, () => console.log(`warehouse rpc listening on :${PORT}`));
