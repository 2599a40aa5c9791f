import pg from "pg";
import type { DaprClient } from "@dapr/dapr";
import { pool } from "../db.js";

export interface OrderCreated {
  orderId: string;
  customerId: string;
  warehouse: string;
  lines: Array<{ sku: string; qty: number }>;
}

// Subscribed to pubsub/orders.created. Dapr delivers one CloudEvent per call.
export function makeOrderCreatedHandler(dapr: DaprClient) {
  return async (event: OrderCreated): Promise<void> => {
    await pool.query(
      `INSERT INTO fulfillment_orders (order_id, customer_id, warehouse, status)
       VALUES ($1, $2, $3, 'pending')
       ON CONFLICT (order_id) DO NOTHING`,
      [event.orderId, event.customerId, event.warehouse],
    );

    // Each warehouse has its own WMS replica; pick it from config.
    const wms = new pg.Pool({
      connectionString: process.env[`WMS_${event.warehouse.toUpperCase()}_URL`],
      max: 2,
    });
    try {
      for (const line of event.lines) {
        const { rows } = await wms.query<{ bin: string; on_hand: number }>(
          "SELECT bin, on_hand FROM bin_stock WHERE sku = $1 ORDER BY on_hand DESC LIMIT 1",
          [line.sku],
        );
        await pool.query(
          "INSERT INTO pick_lines (order_id, sku, qty, bin) VALUES ($1, $2, $3, $4)",
          [event.orderId, line.sku, line.qty, rows[0]?.bin ?? null],
        );
      }
    } finally {
      await wms.end();
    }

    await dapr.pubsub.publish("pubsub", "fulfillment.picklist-ready", {
      orderId: event.orderId,
    });
  };
}
