import http from 'node:http';
import Trouter from 'trouter';
import type pg from 'pg';
import type RedisSMQ from 'rsmq';
import { createPool } from '../lib/db.js';
import { createQueue, QNAME } from '../lib/queue.js';

type Handler = (
  req: http.IncomingMessage,
  res: http.ServerResponse,
  params: Record<string, string>,
) => Promise<void>;

function json(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function buildRouter(pool: pg.Pool, rsmq: RedisSMQ): Trouter<Handler> {
  const router = new Trouter<Handler>();

  router.get('/healthz', async (_req, res) => json(res, 200, { ok: true }));

  router.get('/invoices/:id', async (_req, res, params) => {
    const { rows } = await pool.query(
      'SELECT id, status, subtotal_cents, tax_cents, total_cents, computed_at FROM invoices WHERE id = $1',
      [params.id],
    );
    if (rows.length === 0) return json(res, 404, { error: 'not found' });
    json(res, 200, rows[0]);
  });

  router.post('/invoices/:id/recompute', async (_req, res, params) => {
    const { rowCount } = await pool.query(
      `UPDATE invoices SET status = 'queued' WHERE id = $1 AND status <> 'locked'`,
      [params.id],
    );
    if (!rowCount) return json(res, 409, { error: 'invoice missing or locked' });
    const messageId = await rsmq.sendMessageAsync({ qname: QNAME, message: JSON.stringify({ invoiceId: params.id }) });
    json(res, 202, { queued: messageId });
  });

  return router;
}

async function main(): Promise<void> {
  const pool = await createPool(10);
  const rsmq = await createQueue();
  const router = buildRouter(pool, rsmq);

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const { handlers, params } = router.find(req.method as any, url.pathname);
    if (handlers.length === 0) return json(res, 404, { error: 'no route' });
    handlers[0](req, res, params).catch((err) => {
      console.error(err);
      if (!res.headersSent) json(res, 500, { error: 'internal' });
    });
  });

  server.listen(Number(process.env.PORT ?? 3000));

  process.on('SIGTERM', () => {
    server.close(async () => {
      rsmq.quit();
      await pool.end();
      process.exit(0);
    });
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
