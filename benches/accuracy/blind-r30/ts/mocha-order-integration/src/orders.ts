import type Redis from "ioredis";

export interface Queryable {
  query<T = any>(text: string, values?: unknown[]): Promise<{ rows: T[]; rowCount: number | null }>;
}

export interface Order {
  id: number;
  customer_id: string;
  total_cents: number;
  status: string;
}

export async function createOrder(db: Queryable, customerId: string, totalCents: number): Promise<Order> {
  const { rows } = await db.query<Order>(
    "INSERT INTO orders (customer_id, total_cents) VALUES ($1, $2) RETURNING id, customer_id, total_cents, status",
    [customerId, totalCents],
  );
  return rows[0];
}

export async function cancelOrder(db: Queryable, id: number): Promise<boolean> {
  const res = await db.query("UPDATE orders SET status = 'cancelled' WHERE id = $1 AND status = 'pending'", [id]);
  return res.rowCount === 1;
}

export async function cachedOrderCount(db: Queryable, cache: Redis, customerId: string): Promise<number> {
  const key = `orders:count:${customerId}`;
  const hit = await cache.get(key);
  if (hit !== null) return Number(hit);
  const { rows } = await db.query<{ n: string }>("SELECT count(*) AS n FROM orders WHERE customer_id = $1", [customerId]);
  const n = Number(rows[0].n);
  await cache.set(key, String(n), "EX", 30);
  return n;
}
