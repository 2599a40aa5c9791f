import { createServer } from 'node:http';
import { createPool, transfer, balanceOf, InsufficientFunds } from './ledger.js';

const pool = createPool(process.env.LEDGER_DATABASE_URL ?? 'postgres://ledger@localhost/ledger');

async function readJson(req: import('node:http').IncomingMessage): Promise<any> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
}

const server = createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  try {
    if (req.method === 'GET' && url.pathname.startsWith('/balances/')) {
      const account = decodeURIComponent(url.pathname.slice('/balances/'.length));
      const balance = await balanceOf(pool, account);
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(JSON.stringify({ account, balance: balance.toString() }));
    }
    if (req.method === 'POST' && url.pathname === '/transfers') {
      const body = await readJson(req);
      const id = await transfer(pool, body.from, body.to, BigInt(body.amount), body.memo ?? '');
      res.writeHead(201, { 'content-type': 'application/json' });
      return res.end(JSON.stringify({ id }));
    }
    res.writeHead(404).end();
  } catch (err) {
    const status = err instanceof InsufficientFunds ? 409 : 500;
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: (err as Error).message }));
  }
});

server.listen(Number(process.env.PORT ?? 8080));

for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.once(sig, () => {
    server.close(() => void pool.end());
  });
}
