import type { Context } from 'openapi-backend';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Pool } from 'undici';
import { billingPool, sql } from '../db.js';

type Res = { status: number; body: unknown };

async function loadInvoice(id: number) {
  const pool = await billingPool;
  const result = await pool
    .request()
    .input('id', sql.Int, id)
    .query('SELECT Id, CustomerId, Currency, TotalCents, DueDate FROM dbo.Invoices WHERE Id = @id');
  return result.recordset[0];
}

export async function getInvoice(c: Context, _req: IncomingMessage, _res: ServerResponse): Promise<Res> {
  const invoice = await loadInvoice(Number(c.request.params.id));
  if (!invoice) return { status: 404, body: { error: 'not found' } };
  return { status: 200, body: invoice };
}

export async function convertInvoice(c: Context): Promise<Res> {
  const invoice = await loadInvoice(Number(c.request.params.id));
  if (!invoice) return { status: 404, body: { error: 'not found' } };

  const target = String(c.request.query.currency);
  const fx = new Pool(process.env.FX_API_ORIGIN ?? 'https://fx.internal.example.com', {
    connections: 4,
    keepAliveTimeout: 10_000,
  });
  const { statusCode, body } = await fx.request({
    method: 'GET',
    path: `/v1/rates?base=${invoice.Currency}&symbols=${target}`,
  });
  if (statusCode !== 200) return { status: 502, body: { error: 'fx unavailable' } };
  const rates = (await body.json()) as { rates: Record<string, number> };
  return {
    status: 200,
    body: { id: invoice.Id, currency: target, totalCents: Math.round(invoice.TotalCents * rates.rates[target]) },
  };
}
