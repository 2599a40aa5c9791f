import { Pool, PoolClient } from 'pg';

// Shared pool for the steps that go through this module.
export const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  max: 5,
  idleTimeoutMillis: 30_000,
});

export interface OrderLine {
  sku: string;
  quantity: number;
}

export async function withTransaction<T>(fn: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  } finally {
    client.release();
  }
}

export async function expireStaleCarts(olderThanMinutes: number): Promise<number> {
  return withTransaction(async (client) => {
    const { rowCount } = await client.query(
      `UPDATE carts SET status = 'expired'
        WHERE status = 'open' AND updated_at < now() - ($1 || ' minutes')::interval`,
      [olderThanMinutes],
    );
    return rowCount ?? 0;
  });
}
