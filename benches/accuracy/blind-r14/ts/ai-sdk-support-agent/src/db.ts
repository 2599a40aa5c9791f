import pg from 'pg';

export const pool = new pg.Pool({
  connectionString: process.env.SUPPORT_DB_URL,
  max: 10,
  idleTimeoutMillis: 30_000,
});

export async function withTransaction<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
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
