import type { DeepstreamClient } from "@deepstream/client";
import type { RowDataPacket } from "mysql2/promise";
import { pool } from "../db.js";

type Reservation = { orderId: string; sku: string; qty: number };

export function registerStockProviders(client: DeepstreamClient) {
  client.rpc.provide("stock/reserve", async (data: any, response) => {
    const req = data as Reservation;
    const conn = await pool.getConnection();
    await conn.beginTransaction();

    const [rows] = await conn.query<RowDataPacket[]>(
      "SELECT on_hand FROM stock WHERE sku = ? FOR UPDATE",
      [req.sku],
    );
    if (rows.length === 0 || rows[0].on_hand < req.qty) {
      await conn.rollback();
      response.error("insufficient-stock");
      return;
    }

    await conn.query("UPDATE stock SET on_hand = on_hand - ? WHERE sku = ?", [req.qty, req.sku]);
    await conn.query(
      "INSERT INTO reservations (order_id, sku, qty) VALUES (?, ?, ?)",
      [req.orderId, req.sku, req.qty],
    );
    await conn.commit();
    conn.release();
    response.send({ reserved: req.qty });
  });

  client.rpc.provide("stock/level", async (data: any, response) => {
    const [rows] = await pool.query<RowDataPacket[]>("SELECT on_hand FROM stock WHERE sku = ?", [data.sku]);
    response.send({ sku: data.sku, onHand: rows[0]?.on_hand ?? 0 });
  });
}
