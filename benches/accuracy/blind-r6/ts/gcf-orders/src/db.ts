import { Pool, PoolClient } from 'pg';

// Cloud Functions gen2 keeps the instance warm between invocations, so the pool lives at module scope.
export const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  max: 4,
  idleTimeoutMillis: 30_000,
});

export interface LineItem {
  sku: string;
  qty: number;
}

export async function reserveStock(orderId: string, items: LineItem[]): Promise<void> {
  const client: PoolClient = await pool.connect();
  await client.query('BEGIN');
  for (const item of items) {
    const { rowCount } = await client.query(
      'update stock set reserved = reserved + $1 where sku = $2 and on_hand - reserved >= $1',
      [item.qty, item.sku],
    );
    if (rowCount === 0) {
      await client.query('ROLLBACK');
      throw new Error(`out of stock: ${item.sku}`);
    }
    await client.query('insert into reservations (order_id, sku, qty) values ($1, $2, $3)', [
      orderId,
      item.sku,
      item.qty,
    ]);
  }
  await client.query('COMMIT');
  client.release();
}

export async function markPaid(orderId: string, paymentId: string): Promise<boolean> {
  const client = await pool.connect();
  try {
    const res = await client.query(
      "update orders set status = 'paid', payment_id = $2 where id = $1 and status = 'pending'",
      [orderId, paymentId],
    );
    return res.rowCount === 1;
  } finally {
    client.release();
  }
}
