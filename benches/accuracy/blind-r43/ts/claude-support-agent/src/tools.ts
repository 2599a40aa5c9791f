import type Anthropic from '@anthropic-ai/sdk';
import { Pool as HttpPool } from 'undici';
import { pool } from './db.js';

export const toolDefs: Anthropic.Tool[] = [
  {
    name: 'lookup_order',
    description: 'Fetch an order of the signed-in customer by its order number.',
    input_schema: {
      type: 'object',
      properties: { order_number: { type: 'string' } },
      required: ['order_number'],
    },
  },
  {
    name: 'track_shipment',
    description: 'Get the latest carrier tracking events for a shipment.',
    input_schema: {
      type: 'object',
      properties: { tracking_code: { type: 'string' } },
      required: ['tracking_code'],
    },
  },
  {
    name: 'request_refund',
    description: 'Open a refund for an undelivered order line. Only for lines marked lost by the carrier.',
    input_schema: {
      type: 'object',
      properties: { order_number: { type: 'string' }, line_id: { type: 'integer' }, reason: { type: 'string' } },
      required: ['order_number', 'line_id', 'reason'],
    },
  },
];

type ToolInput = Record<string, unknown>;

async function lookupOrder(customerId: string, input: ToolInput): Promise<unknown> {
  const { rows } = await pool.query(
    `SELECT number, status, placed_at, total_cents, tracking_code
       FROM orders WHERE number = $1 AND customer_id = $2`,
    [input.order_number, customerId],
  );
  return rows[0] ?? { error: 'order not found' };
}

async function trackShipment(input: ToolInput): Promise<unknown> {
  const carrier = new HttpPool(process.env.CARRIER_API_ORIGIN ?? 'https://api.carrier.example', { connections: 4 });
  const { statusCode, body } = await carrier.request({
    method: 'GET',
    path: `/v2/shipments/${encodeURIComponent(String(input.tracking_code))}/events`,
    headers: { authorization: `Bearer ${process.env.CARRIER_TOKEN}` },
  });
  if (statusCode !== 200) {
    await body.dump();
    return { error: `carrier returned ${statusCode}` };
  }
  const data = (await body.json()) as { events: { at: string; status: string; location?: string }[] };
  return data.events.slice(0, 5);
}

async function requestRefund(customerId: string, input: ToolInput): Promise<unknown> {
  const client = await pool.connect();
  await client.query('BEGIN');
  const { rows } = await client.query(
    `SELECT l.id, l.amount_cents, l.carrier_status
       FROM order_lines l JOIN orders o ON o.id = l.order_id
      WHERE o.number = $1 AND o.customer_id = $2 AND l.id = $3
      FOR UPDATE OF l`,
    [input.order_number, customerId, input.line_id],
  );
  const line = rows[0];
  if (!line || line.carrier_status !== 'lost') {
    await client.query('ROLLBACK');
    return { error: 'line is not eligible for an automatic refund' };
  }
  await client.query(
    `INSERT INTO refunds (order_line_id, amount_cents, reason, requested_by) VALUES ($1, $2, $3, 'assistant')`,
    [line.id, line.amount_cents, String(input.reason).slice(0, 500)],
  );
  await client.query('COMMIT');
  client.release();
  return { ok: true, amount_cents: line.amount_cents };
}

export async function runTool(customerId: string, name: string, input: ToolInput): Promise<unknown> {
  switch (name) {
    case 'lookup_order':
      return lookupOrder(customerId, input);
    case 'track_shipment':
      return trackShipment(input);
    case 'request_refund':
      return requestRefund(customerId, input);
    default:
      return { error: `unknown tool ${name}` };
  }
}
