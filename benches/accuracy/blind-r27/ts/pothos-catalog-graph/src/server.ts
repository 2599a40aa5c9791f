import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { createHandler } from 'graphql-http/lib/use/http';
import { builder, type GraphContext } from './builder.js';
import { closeGraph, driver } from './graph.js';
import './schema/products.js';
import './schema/similar.js';

const schema = builder.toSchema();

const graphqlHandler = createHandler<GraphContext>({
  schema,
  context: (req) => ({
    tenant: String(req.headers['x-tenant-id'] ?? 'default'),
    locale: String(req.headers['accept-language'] ?? 'en').slice(0, 2),
    requestId: String(req.headers['x-request-id'] ?? randomUUID()),
  }),
});

const server = http.createServer((req, res) => {
  if (req.url === '/healthz') {
    driver
      .verifyConnectivity()
      .then(() => res.writeHead(200).end('ok'))
      .catch(() => res.writeHead(503).end('graph unavailable'));
    return;
  }
  if (req.url?.startsWith('/graphql')) {
    graphqlHandler(req, res);
    return;
  }
  res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
});

const port = Number(process.env.PORT ?? 4000);
server.listen(port, () => {
  console.log(`catalog-graph listening on :${port}/graphql`);
});

async function shutdown(signal: string) {
  console.log(`${signal} received, draining`);
  server.close();
  await closeGraph();
  process.exit(0);
}

process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
