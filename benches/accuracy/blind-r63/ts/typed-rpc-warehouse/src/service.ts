import type { RowDataPacket, ResultSetHeader } from "mysql2/promise";
import { pool } from "./db.js";
import { openWarehouse } from "./warehouse.js";

export class OutOfStockError extends Error {}

export const service = {
  async getItem(sku: string) {
    const [rows] = await pool.query<RowDataPacket[]>(
      "SELECT sku, name, on_hand, reserved FROM items WHERE sku = ?",
      [sku]
    );
    return rows[0] ?? null;
  },

  async binLocations(site: string, sku: string) {
    const wms = openWarehouse(site);
    const [rows] = await wms.query<RowDataPacket[]>(
      "SELECT aisle, shelf, bin, qty FROM bin_stock WHERE sku = ? AND qty > 0 ORDER BY qty DESC",
      [sku]
    );
    return rows.map((r) => ({ location: `${r.aisle}-${r.shelf}-${r.bin}`, qty: r.qty as number }));
  },

  async reserveStock(orderId: string, lines: { sku: string; qty: number }[]) {
    const conn = await pool.getConnection();
    await conn.beginTransaction();
    for (const line of lines) {
      const [res] = await conn.execute<ResultSetHeader>(
        "UPDATE items SET reserved = reserved + ? WHERE sku = ? AND on_hand - reserved >= ?",
        [line.qty, line.sku, line.qty]
      );
      if (res.affectedRows === 0) {
        await conn.rollback();
        throw new OutOfStockError(`not enough ${line.sku} for order ${orderId}`);
      }
      await conn.execute("INSERT INTO reservations (order_id, sku, qty) VALUES (?, ?, ?)", [orderId, line.sku, line.qty]);
    }
    await conn.commit();
    conn.release();
    return { orderId, reserved: lines.length };
  },

  async releaseOrder(orderId: string) {
    const conn = await pool.getConnection();
    try {
      await conn.beginTransaction();
      await conn.execute(
        `UPDATE items i JOIN reservations r ON r.sku = i.sku
            SET i.reserved = i.reserved - r.qty
          WHERE r.order_id = ?`,
        [orderId]
      );
      const [res] = await conn.execute<ResultSetHeader>("DELETE FROM reservations WHERE order_id = ?", [orderId]);
      await conn.commit();
      return { released: res.affectedRows };
    } catch (err) {
      await conn.rollback();
      throw err;
    } finally {
      conn.release();
    }
  },
};

export type WarehouseService = typeof service;
