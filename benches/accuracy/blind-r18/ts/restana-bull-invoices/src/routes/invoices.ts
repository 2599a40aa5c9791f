import type { Protocol, Service } from 'restana';
import type Queue from 'bull';
import type { Db } from '../lib/db';
import type { RenderJob } from '../lib/queue';

interface Deps {
  db: Db;
  renderQueue: Queue.Queue<RenderJob>;
}

interface NewInvoice {
  customerId: number;
  currency: string;
  lines: { description: string; qty: number; unitCents: number }[];
}

export function registerInvoiceRoutes(app: Service<Protocol.HTTP>, { db, renderQueue }: Deps): void {
  app.get('/invoices/:id', async (req, res) => {
    const invoice = await db.oneOrNone(
      'SELECT id, customer_id, currency, total_cents, status, pdf_key FROM invoices WHERE id = $1',
      [Number(req.params.id)],
    );
    if (!invoice) return res.send({ error: 'not found' }, 404);
    res.send(invoice);
  });

  app.post('/invoices', async (req, res) => {
    const body = req.body as NewInvoice;
    if (!body?.lines?.length) return res.send({ error: 'no lines' }, 400);

    // db.tx takes a connection from the process pool and releases it itself.
    const id = await db.tx('create-invoice', async (t) => {
      const total = body.lines.reduce((s, l) => s + l.qty * l.unitCents, 0);
      const { id } = await t.one<{ id: number }>(
        'INSERT INTO invoices (customer_id, currency, total_cents, status) VALUES ($1, $2, $3, $4) RETURNING id',
        [body.customerId, body.currency, total, 'draft'],
      );
      await t.batch(
        body.lines.map((l) =>
          t.none('INSERT INTO invoice_lines (invoice_id, description, qty, unit_cents) VALUES ($1, $2, $3, $4)', [
            id,
            l.description,
            l.qty,
            l.unitCents,
          ]),
        ),
      );
      return id;
    });

    await renderQueue.add({ invoiceId: id });
    res.send({ id }, 201);
  });
}
