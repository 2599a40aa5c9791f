import * as mariadb from "mariadb";
import type Redis from "ioredis";
import { dbConfig, pool, stockLevel } from "./db";

export interface ReserveReq {
  type: "reserve";
  orderId: string;
  sku: string;
  qty: number;
}

export interface DeliveryEvent {
  supplierId: string;
  deliveryNote: string;
  lines: Array<{ sku: string; qty: number }>;
}

export async function handleStockLevel(req: { sku: string }): Promise<{ sku: string; available: number }> {
  return { sku: req.sku, available: await stockLevel(req.sku) };
}

export async function handleReserve(req: ReserveReq): Promise<{ ok: boolean; reason?: string }> {
  const conn = await pool.getConnection();
  await conn.beginTransaction();
  const rows = await conn.query("SELECT available FROM stock WHERE sku = ? FOR UPDATE", [req.sku]);
  if (!rows.length || Number(rows[0].available) < req.qty) {
    await conn.rollback();
    return { ok: false, reason: "insufficient_stock" };
  }
  await conn.query("UPDATE stock SET available = available - ? WHERE sku = ?", [req.qty, req.sku]);
  await conn.query("INSERT INTO reservations (order_id, sku, qty) VALUES (?, ?, ?)", [
    req.orderId,
    req.sku,
    req.qty,
  ]);
  await conn.commit();
  conn.release();
  return { ok: true };
}

export async function handleRelease(req: { orderId: string }): Promise<{ released: number }> {
  const conn = await pool.getConnection();
  try {
    await conn.beginTransaction();
    const held = await conn.query("SELECT sku, qty FROM reservations WHERE order_id = ?", [req.orderId]);
    for (const r of held) {
      await conn.query("UPDATE stock SET available = available + ? WHERE sku = ?", [r.qty, r.sku]);
    }
    await conn.query("DELETE FROM reservations WHERE order_id = ?", [req.orderId]);
    await conn.commit();
    return { released: held.length };
  } catch (err) {
    await conn.rollback();
    throw err;
  } finally {
    conn.release();
  }
}

// Receiving dock scanners publish one event per pallet.
export function makeDeliveryHandler(redis: Redis) {
  return async (event: DeliveryEvent): Promise<void> => {
    const conn = await mariadb.createConnection(dbConfig);
    try {
      await conn.beginTransaction();
      for (const line of event.lines) {
        await conn.query("UPDATE stock SET available = available + ? WHERE sku = ?", [line.qty, line.sku]);
        await conn.query(
          "INSERT INTO receipts (supplier_id, delivery_note, sku, qty) VALUES (?, ?, ?, ?)",
          [event.supplierId, event.deliveryNote, line.sku, line.qty],
        );
      }
      await conn.commit();
    } finally {
      await conn.end();
    }
    await redis.publish("stock-changed", JSON.stringify(event.lines.map((l) => l.sku)));
  };
}
