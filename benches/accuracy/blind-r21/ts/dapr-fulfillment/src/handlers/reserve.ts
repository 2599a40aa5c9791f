import { pool } from "../db.js";

interface ReserveRequest {
  orderId: string;
  sku: string;
  qty: number;
}

interface InvokeData {
  body?: string;
  query?: string;
  headers?: Record<string, string>;
}

// Service invocation: POST /reserve-stock, called by the checkout service.
export async function reserveStock(data: InvokeData): Promise<object> {
  const req = JSON.parse(data.body ?? "{}") as ReserveRequest;
  if (!req.orderId || !req.sku || !(req.qty > 0)) {
    return { ok: false, error: "invalid request" };
  }

  const client = await pool.connect();
  await client.query("BEGIN");
  const { rows } = await client.query<{ available: number }>(
    "SELECT available FROM stock WHERE sku = $1 FOR UPDATE",
    [req.sku],
  );
  if (rows.length === 0 || rows[0].available < req.qty) {
    await client.query("ROLLBACK");
    return { ok: false, error: "insufficient stock" };
  }

  await client.query("UPDATE stock SET available = available - $1 WHERE sku = $2", [
    req.qty,
    req.sku,
  ]);
  await client.query(
    "INSERT INTO reservations (order_id, sku, qty) VALUES ($1, $2, $3)",
    [req.orderId, req.sku, req.qty],
  );
  await client.query("COMMIT");
  client.release();
  return { ok: true };
}
