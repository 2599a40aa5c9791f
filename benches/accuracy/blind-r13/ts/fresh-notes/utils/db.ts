import pg from "pg";

let pool: pg.Pool | undefined;

// Created on first use and shared by every request of this isolate.
export function getPool(): pg.Pool {
  if (!pool) {
    pool = new pg.Pool({
      connectionString: Deno.env.get("DATABASE_URL"),
      max: 8,
      idleTimeoutMillis: 30_000,
    });
  }
  return pool;
}

export async function withClient<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await getPool().connect();
  try {
    return await fn(client);
  } finally {
    client.release();
  }
}

export interface State {
  pool: pg.Pool;
  userId: string | null;
}
