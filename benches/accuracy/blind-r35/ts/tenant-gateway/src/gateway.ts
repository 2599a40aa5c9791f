import http from 'node:http';
import httpProxy from 'http-proxy';
import { controlDb, tenantForHost } from './tenants.js';
import { allow, closeShards } from './ratelimit.js';

const proxy = httpProxy.createProxyServer({ xfwd: true, changeOrigin: true, proxyTimeout: 30_000 });

proxy.on('proxyRes', (proxyRes, req) => {
  const tenantId = (req as http.IncomingMessage & { tenantId?: string }).tenantId;
  controlDb
    .execute('INSERT INTO access_log (tenant_id, method, path, status, at) VALUES (?, ?, ?, ?, NOW())', [
      tenantId ?? null,
      req.method,
      (req.url ?? '').slice(0, 512),
      proxyRes.statusCode ?? 0,
    ])
    .catch((err) => console.error('access log write failed', err.message));
});

proxy.on('error', (err, _req, res) => {
  console.error('upstream error', err.message);
  if (res instanceof http.ServerResponse && !res.headersSent) {
    res.writeHead(502, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: 'bad gateway' }));
  }
});

const server = http.createServer(async (req, res) => {
  try {
    const host = (req.headers.host ?? '').split(':')[0];
    const tenant = await tenantForHost(host);
    if (!tenant) {
      res.writeHead(404).end('unknown tenant');
      return;
    }
    if (!(await allow(tenant.id, tenant.redisShard, tenant.rpm))) {
      res.writeHead(429, { 'retry-after': '60' }).end('rate limited');
      return;
    }
    (req as http.IncomingMessage & { tenantId?: string }).tenantId = tenant.id;
    proxy.web(req, res, { target: tenant.upstream });
  } catch (err) {
    console.error(err);
    if (!res.headersSent) res.writeHead(500).end();
  }
});

server.listen(Number(process.env.PORT ?? 8080));

process.once('SIGTERM', () => {
  server.close(async () => {
    proxy.close();
    await closeShards();
    await controlDb.end();
    process.exit(0);
  });
});
