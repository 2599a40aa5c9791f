import http2 from 'node:http2';
import { connectNodeAdapter } from '@connectrpc/connect-node';
import routes from './routes.js';

const handler = connectNodeAdapter({
  routes,
  requireConnectProtocolHeader: false,
});

const port = Number(process.env.PORT ?? 8080);
http2.createServer(handler).listen(port, () => {
  console.log(`accounts Connect service on h2c://localhost:${port}`);
});
