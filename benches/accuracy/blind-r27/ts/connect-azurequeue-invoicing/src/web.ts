import http from 'node:http';
import { QueueClient } from '@azure/storage-queue';
import bodyParser from 'body-parser';
import connect from 'connect';
import sql from 'mssql';
import { createPool, getInvoice } from './shared/db';

type Req = http.IncomingMessage & { body?: any };

function json(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

async function main(): Promise<void> {
  const pool = await createPool({ appName: 'invoicing-web', max: 15 });
  const renderQueue = new QueueClient(process.env.AZURE_STORAGE_CONNECTION_STRING ?? '', 'invoice-render');
  await renderQueue.createIfNotExists();

  const app = connect();
  app.use(bodyParser.json({ limit: '256kb' }));

  app.use('/invoices', async (req: Req, res, next) => {
    try {
      const idMatch = req.url?.match(/^\/(\d+)$/);
      if (req.method === 'GET' && idMatch) {
        const invoice = await getInvoice(pool, Number(idMatch[1]));
        return invoice ? json(res, 200, invoice) : json(res, 404, { error: 'not found' });
      }
      if (req.method === 'POST' && req.url === '/') {
        const { customerId, amountCents, currency, dueDate } = req.body ?? {};
        const result = await pool
          .request()
          .input('customer', sql.NVarChar(64), customerId)
          .input('amount', sql.BigInt, amountCents)
          .input('currency', sql.Char(3), currency)
          .input('due', sql.Date, new Date(dueDate))
          .query<{ id: number }>(
            `INSERT INTO invoices (customer_id, amount_cents, currency, status, due_date)
             OUTPUT inserted.id VALUES (@customer, @amount, @currency, 'draft', @due)`,
          );
        const id = result.recordset[0].id;
        await renderQueue.sendMessage(Buffer.from(JSON.stringify({ invoiceId: id })).toString('base64'));
        return json(res, 202, { id });
      }
      next();
    } catch (err) {
      next(err);
    }
  });

  app.use('/healthz', async (_req, res) => {
    await pool.request().query('SELECT 1');
    json(res, 200, { ok: true });
  });

  app.use((err: Error, _req: Req, res: http.ServerResponse, _next: connect.NextFunction) => {
    console.error(err);
    json(res, 500, { error: 'internal' });
  });

  const server = http.createServer(app).listen(Number(process.env.PORT ?? 3000));
  process.once('SIGTERM', () => server.close(() => void pool.close()));
}

void main();
