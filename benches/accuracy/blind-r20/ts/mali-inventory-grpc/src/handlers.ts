import { randomUUID } from 'node:crypto';
import type mysql from 'mysql2/promise';
import { inboundUnits } from './warehouses';

type Ctx = { req: any; res: any; name: string };

export function makeHandlers(pool: mysql.Pool) {
  async function GetStock(ctx: Ctx) {
    const { sku, warehouse_id: warehouseId } = ctx.req;
    const [rows] = await pool.query<mysql.RowDataPacket[]>(
      'SELECT on_hand, reserved FROM stock WHERE sku = ? AND warehouse_id = ?',
      [sku, warehouseId],
    );
    const inbound = await inboundUnits(warehouseId, sku);
    ctx.res = {
      sku,
      warehouse_id: warehouseId,
      on_hand: rows[0]?.on_hand ?? 0,
      reserved: rows[0]?.reserved ?? 0,
      inbound,
    };
  }

  async function Reserve(ctx: Ctx) {
    const { order_id: orderId, sku, warehouse_id: warehouseId, qty } = ctx.req;
    const conn = await pool.getConnection();
    try {
      await conn.beginTransaction();
      const [rows] = await conn.query<mysql.RowDataPacket[]>(
        'SELECT on_hand - reserved AS free FROM stock WHERE sku = ? AND warehouse_id = ? FOR UPDATE',
        [sku, warehouseId],
      );
      const free = rows[0]?.free ?? 0;
      if (free < qty) {
        await conn.rollback();
        ctx.res = { reservation_id: '', ok: false, reason: `only ${free} available` };
        return;
      }
      const reservationId = randomUUID();
      await conn.execute('UPDATE stock SET reserved = reserved + ? WHERE sku = ? AND warehouse_id = ?', [
        qty,
        sku,
        warehouseId,
      ]);
      await conn.execute(
        'INSERT INTO reservations (id, order_id, sku, warehouse_id, qty) VALUES (?, ?, ?, ?, ?)',
        [reservationId, orderId, sku, warehouseId, qty],
      );
      await conn.commit();
      ctx.res = { reservation_id: reservationId, ok: true, reason: '' };
    } catch (err) {
      await conn.rollback();
      throw err;
    } finally {
      conn.release();
    }
  }

  return { GetStock, Reserve };
}
