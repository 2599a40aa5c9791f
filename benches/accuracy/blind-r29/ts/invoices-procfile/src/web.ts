import http from 'node:http';
import Router from 'router';
import { createSql, issueInvoice, type Invoice } from './db.js';

const sql = createSql('web', 10);
const router = Router();

function send(res: http.ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify(body));
}

router.get('/healthz', async (_req: http.IncomingMessage, res: http.ServerResponse) => {
  await sql`SELECT 1`;
  send(res, 200, { ok: true });
});

router.get('/invoices/:id', async (req: http.IncomingMessage & { params: { id: string } }, res: http.ServerResponse) => {
  const [inv] = await sql<Invoice[]>`
    SELECT id, customer_id, amount_cents, currency, status, pdf_url FROM invoices WHERE id = ${req.params.id}
  `;
  if (!inv) return send(res, 404, { error: 'not found' });
  send(res, 200, inv);
});

router.post('/invoices/:id/issue', async (req: http.IncomingMessage & { params: { id: string } }, res: http.ServerResponse) => {
  const inv = await issueInvoice(sql, req.params.id);
  if (!inv) return send(res, 409, { error: 'invoice is not a draft' });
  send(res, 202, inv);
});

const server = http.createServer((req, res) => {
  router(req, res, (err?: unknown) => {
    if (err) {
      console.error(err);
      return send(res, 500, { error: 'internal' });
    }
    send(res, 404, { error: 'no route' });
  });
});

server.listen(Number(process.env.PORT ?? 3000), () => console.log('web listening'));

process.on('SIGTERM', () => {
  server.close(async () => {
    await sql.end({ timeout: 5 });
    process.exit(0);
  });
});
