import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { appInjector, shutdownContainer } from './container.js';
import { OrderController, OrderInput } from './orders.js';

async function readJson<T>(req: http.IncomingMessage): Promise<T> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as T;
}

function send(res: http.ServerResponse, status: number, payload: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(payload));
}

const server = http.createServer(async (req, res) => {
  const requestId = (req.headers['x-request-id'] as string | undefined) ?? randomUUID();
  // Child injector per request: adds only the request id; db/shipping/orders come from the root.
  const controller = appInjector.provideValue('requestId', requestId).injectClass(OrderController);

  try {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method === 'POST' && url.pathname === '/orders') {
      const placed = await controller.place(await readJson<OrderInput>(req));
      return send(res, 201, placed);
    }
    const match = url.pathname.match(/^\/orders\/([\w-]+)$/);
    if (req.method === 'GET' && match) {
      const order = await controller.get(match[1]);
      return order ? send(res, 200, order) : send(res, 404, { error: 'not found' });
    }
    return send(res, 404, { error: 'no route' });
  } catch (err) {
    console.error(requestId, err);
    return send(res, 500, { error: 'internal error', requestId });
  }
});

server.listen(Number(process.env.PORT ?? 8080), () => console.log('orders-api listening'));

process.on('SIGTERM', () => {
  server.close(() => {
    shutdownContainer().finally(() => process.exit(0));
  });
});
