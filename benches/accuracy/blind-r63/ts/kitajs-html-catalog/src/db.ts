import pg from "pg";

export const pool = new pg.Pool({
  connectionString: process.env.CATALOG_DATABASE_URL,
  max: 10,
  idleTimeoutMillis: 30_000,
});

export async function withClient<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    return await fn(client);
  } finally {
    client.release();
  }
}
