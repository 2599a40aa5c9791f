import pg from 'pg';

export const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: 10,
  idleTimeoutMillis: 30_000,
});

pool.on('error', (err) => {
  console.error('idle pg client error', err);
});

export interface OrderLine {
  sku: string;
  quantity: number;
  unitPriceCents: number;
}

export interface OrderEvent {
  orderId: string;
  customerId: string;
  currency: string;
  lines: OrderLine[];
  placedAt: string;
  reason?: string;
}

export async function reserveStock(orderId: string, lines: OrderLine[]): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    for (const line of lines) {
      await client.query(
        `UPDATE stock SET reserved = reserved + $2 WHERE sku = $1 AND on_hand - reserved >= $2`,
        [line.sku, line.quantity]
      );
    }
    await client.query(`INSERT INTO reservations (order_id, created_at) VALUES ($1, now())`, [orderId]);
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  } finally {
    client.release();
  }
}
