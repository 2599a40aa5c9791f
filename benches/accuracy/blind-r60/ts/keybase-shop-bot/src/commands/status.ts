import { pool } from '../db';

export async function orderStatus(orderNumber: string): Promise<string> {
  const { rows } = await pool.query<{ status: string; updated_at: Date; carrier: string | null }>(
    'SELECT status, updated_at, carrier FROM orders WHERE order_number = $1',
    [orderNumber],
  );
  if (rows.length === 0) return `No order ${orderNumber}.`;
  const o = rows[0];
  return `Order ${orderNumber}: *${o.status}* (updated ${o.updated_at.toISOString()})${o.carrier ? ` via ${o.carrier}` : ''}`;
}
