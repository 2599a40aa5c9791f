import { useContext } from '@modern-js/runtime/server';
import type { Request, Response } from 'express';
import { pool } from '../_lib/db';
import { openWarehouse, type ShipmentRow } from '../_lib/warehouse';

interface OrderRow {
  id: string;
  customer: string;
  total_cents: number;
  status: string;
  created_at: Date;
}

// GET /api/orders?status=...
export const get = async ({ query }: { query: { status?: string } }) => {
  const status = query.status ?? 'open';
  const { rows: orders } = await pool.query<OrderRow>(
    'SELECT id, customer, total_cents, status, created_at FROM orders WHERE status = $1 ORDER BY created_at DESC LIMIT 100',
    [status],
  );

  const wms = openWarehouse();
  const { rows: shipments } = await wms.query<ShipmentRow>(
    'SELECT order_id, carrier, tracking_no, shipped_at FROM shipments WHERE order_id = ANY($1)',
    [orders.map((o) => o.id)],
  );
  const byOrder = new Map(shipments.map((s) => [s.order_id, s]));
  return orders.map((o) => ({ ...o, shipment: byOrder.get(o.id) ?? null }));
};

interface RefundInput {
  orderId: string;
  amountCents: number;
  reason: string;
}

// POST /api/orders  { data: RefundInput }
export const post = async ({ data }: { data: RefundInput }) => {
  const { req } = useContext() as { req: Request; res: Response };
  const agent = String(req.headers['x-agent-email'] ?? 'unknown');

  const client = await pool.connect();
  await client.query('BEGIN');
  const { rows } = await client.query<{ total_cents: number; refunded_cents: number }>(
    'SELECT total_cents, refunded_cents FROM orders WHERE id = $1 FOR UPDATE',
    [data.orderId],
  );
  if (!rows[0] || rows[0].refunded_cents + data.amountCents > rows[0].total_cents) {
    throw new Error('refund exceeds order total');
  }
  await client.query('UPDATE orders SET refunded_cents = refunded_cents + $2 WHERE id = $1', [
    data.orderId,
    data.amountCents,
  ]);
  await client.query(
    'INSERT INTO refunds (order_id, amount_cents, reason, agent) VALUES ($1, $2, $3, $4)',
    [data.orderId, data.amountCents, data.reason, agent],
  );
  await client.query('COMMIT');
  client.release();
  return { ok: true };
};
