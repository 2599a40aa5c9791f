import { Pool } from "pg";

const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  max: 10,
  idleTimeoutMillis: 30_000,
});

export interface OrderSnapshot {
  id: string;
  customerId: string;
  status: string;
  totalCents: number;
}

export async function upsertOrder(o: OrderSnapshot): Promise<void> {
  await pool.query(
    `INSERT INTO orders (id, customer_id, status, total_cents, updated_at)
     VALUES ($1, $2, $3, $4, now())
     ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status,
       total_cents = EXCLUDED.total_cents, updated_at = now()`,
    [o.id, o.customerId, o.status, o.totalCents],
  );
}

export async function markEvicted(id: string): Promise<void> {
  await pool.query("UPDATE orders SET cached = false WHERE id = $1", [id]);
}
