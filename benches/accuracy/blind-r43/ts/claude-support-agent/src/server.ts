import { createServer, type IncomingMessage } from 'node:http';
import type Anthropic from '@anthropic-ai/sdk';
import { answer } from './agent.js';
import { pool } from './db.js';

async function readJson(req: IncomingMessage): Promise<any> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
}

const server = createServer(async (req, res) => {
  if (req.method !== 'POST' || req.url !== '/chat') {
    res.writeHead(404).end();
    return;
  }
  const customerId = req.headers['x-customer-id'];
  if (typeof customerId !== 'string') {
    res.writeHead(401).end();
    return;
  }
  try {
    const body = await readJson(req);
    const history = (body.messages ?? []) as Anthropic.MessageParam[];
    const reply = await answer(customerId, history);
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ reply }));
  } catch (err) {
    console.error(err);
    res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'internal' }));
  }
});

server.listen(Number(process.env.PORT ?? 8080));

process.on('SIGTERM', () => {
  server.close(() => void pool.end());
});
