import { createServer } from 'node:http';
import { logger } from './logger.js';

const server = createServer((req, res) => {
  const started = Date.now();
  const user = req.headers['x-user-id'] ?? 'anonymous';

  if (req.method !== 'GET') {
    logger.log('audit', 'mutating request', { user, method: req.method, path: req.url });
  }

  res.on('finish', () => {
    logger.info('request', {
      method: req.method,
      path: req.url,
      status: res.statusCode,
      ms: Date.now() - started,
    });
  });

  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify({ ok: true }));
});

server.listen(Number(process.env.PORT ?? 8080), () => logger.info('listening'));
