import http from 'node:http';
import { URL } from 'node:url';
import Piscina from 'piscina';
import type { QuoteTask, QuoteResult } from './worker.js';

const THREADS = Number(process.env.QUOTE_THREADS ?? 4);

const piscina = new Piscina({
  filename: new URL('./worker.js', import.meta.url).href,
  minThreads: THREADS,
  maxThreads: THREADS,
  maxQueue: 'auto',
});

const server = http.createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (req.method !== 'GET' || url.pathname !== '/quote') {
    res.writeHead(404).end();
    return;
  }

  const task: QuoteTask = {
    sku: url.searchParams.get('sku') ?? '',
    qty: Number(url.searchParams.get('qty') ?? 1),
    region: url.searchParams.get('region') ?? 'eu',
  };
  if (!task.sku || !Number.isInteger(task.qty) || task.qty < 1) {
    res.writeHead(400, { 'content-type': 'application/json' }).end('{"error":"bad request"}');
    return;
  }

  try {
    const result: QuoteResult = await piscina.run(task);
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result));
  } catch (err) {
    console.error(err);
    res.writeHead(500).end();
  }
});

server.listen(Number(process.env.PORT ?? 8080));

process.once('SIGTERM', () => {
  server.close(async () => {
    await piscina.destroy();
    process.exit(0);
  });
});
