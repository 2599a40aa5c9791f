import { createServer } from 'node:http';
import { request } from 'undici';
import { logger } from './logger.js';

const TARGETS: Record<string, string> = {
  github: process.env.GITHUB_SINK ?? 'http://localhost:9001/hooks/github',
  stripe: process.env.STRIPE_SINK ?? 'http://localhost:9002/hooks/stripe',
};

async function readBody(req: import('node:http').IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

const server = createServer(async (req, res) => {
  const source = req.url?.split('/')[2] ?? '';
  const target = TARGETS[source];
  if (req.method !== 'POST' || !target) {
    res.writeHead(404).end();
    return;
  }

  const body = await readBody(req);
  try {
    // undici.request() goes through the process-wide global dispatcher.
    const upstream = await request(target, {
      method: 'POST',
      body,
      headers: { 'content-type': req.headers['content-type'] ?? 'application/json' },
      headersTimeout: 5_000,
    });
    await upstream.body.dump();
    logger.info({ source, status: upstream.statusCode, bytes: body.length }, 'relayed');
    res.writeHead(upstream.statusCode >= 500 ? 502 : 202).end();
  } catch (err) {
    logger.error({ source, err }, 'relay failed');
    res.writeHead(502).end();
  }
});

server.listen(Number(process.env.PORT ?? 8088), () => logger.info('relay listening'));
