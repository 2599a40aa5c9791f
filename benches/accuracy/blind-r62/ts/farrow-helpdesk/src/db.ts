import { Pool, type PoolClient } from 'pg';
import { createContext } from 'farrow-pipeline';
import type { HttpMiddleware } from 'farrow-http';

export const pool = new Pool({
  connectionString: process.env.HELPDESK_DATABASE_URL,
  max: 15,
});

// Per-request slot for the connection checked out below.
export const DbClient = createContext<PoolClient | null>(null);

export function useDb(): PoolClient {
  const client = DbClient.get();
  if (!client) throw new Error('DbClient used outside of the db middleware');
  return client;
}

/** Checks a connection out of the shared pool for the request and always returns it. */
export const withDb: HttpMiddleware = async (request, next) => {
  const client = await pool.connect();
  DbClient.set(client);
  try {
    return await next(request);
  } finally {
    DbClient.set(null);
    client.release();
  }
};
