import autobahn from 'autobahn';
import type { Pool, RowDataPacket } from 'mysql2/promise';
import type { Agent } from 'undici';
import { request } from 'undici';

export interface Deps {
  pool: Pool;
  http: Agent;
  taxServiceUrl: string;
}

type Args = unknown[] | undefined;
type Kwargs = Record<string, unknown> | undefined;

export function makeProcedures({ pool, http, taxServiceUrl }: Deps) {
  async function quote(args: Args, kwargs: Kwargs) {
    const { postcode, subtotal } = (kwargs ?? {}) as { postcode: string; subtotal: number };
    const res = await request(`${taxServiceUrl}/v2/rates?postcode=${encodeURIComponent(postcode)}`, {
      dispatcher: http,
    });
    const { rate } = (await res.body.json()) as { rate: number };
    return { subtotal, tax: Math.round(subtotal * rate * 100) / 100 };
  }

  async function placeOrder(args: Args, kwargs: Kwargs) {
    const { customerId, lines } = kwargs as { customerId: string; lines: { sku: string; qty: number }[] };
    const conn = await pool.getConnection();
    try {
      await conn.beginTransaction();
      const [res] = await conn.query<any>('INSERT INTO orders (customer_id, status) VALUES (?, ?)', [
        customerId,
        'placed',
      ]);
      for (const line of lines) {
        await conn.query('INSERT INTO order_lines (order_id, sku, qty) VALUES (?, ?, ?)', [
          res.insertId,
          line.sku,
          line.qty,
        ]);
      }
      await conn.commit();
      return { orderId: res.insertId };
    } catch (err) {
      await conn.rollback();
      throw new autobahn.Error('com.shop.error.order_failed', [(err as Error).message]);
    } finally {
      conn.release();
    }
  }

  async function orderStatus(args: Args) {
    const [orderId] = args as [number];
    const [rows] = await pool.query<RowDataPacket[]>('SELECT status, updated_at FROM orders WHERE id = ?', [orderId]);
    return rows[0] ?? null;
  }

  // subscription handler: fired for every 'com.shop.shipment_updated' event
  async function onShipmentUpdated(args: Args, kwargs: Kwargs) {
    const { orderId, status } = kwargs as { orderId: number; status: string };
    await pool.execute('UPDATE orders SET status = ?, updated_at = NOW() WHERE id = ?', [status, orderId]);
  }

  return { quote, placeOrder, orderStatus, onShipmentUpdated };
}
