import { ledger, pool } from "../db.js";

interface ShipmentDispatched {
  orderId: string;
  carrier: string;
  trackingNumber: string;
  weightGrams: number;
}

// Subscribed to pubsub/shipments.dispatched.
export async function onShipmentDispatched(event: ShipmentDispatched): Promise<void> {
  await ledger`
    INSERT INTO shipping_ledger (order_id, carrier, tracking_number, weight_grams)
    VALUES (${event.orderId}, ${event.carrier}, ${event.trackingNumber}, ${event.weightGrams})
    ON CONFLICT (tracking_number) DO NOTHING
  `;

  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query(
      "UPDATE fulfillment_orders SET status = 'shipped', shipped_at = now() WHERE order_id = $1",
      [event.orderId],
    );
    await client.query("DELETE FROM reservations WHERE order_id = $1", [event.orderId]);
    await client.query("COMMIT");
  } catch (err) {
    await client.query("ROLLBACK");
    throw err;
  } finally {
    client.release();
  }
}
