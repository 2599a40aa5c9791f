import type { Plugin } from '@hapi/hapi';
import { Pool, type PoolClient } from 'pg';

declare module '@hapi/hapi' {
  interface ServerApplicationState {
    pg: Pool;
  }
}

export interface DbPluginOptions {
  connectionString: string;
  max?: number;
}

export const dbPlugin: Plugin<DbPluginOptions> = {
  name: 'catalog-db',
  version: '1.0.0',
  register: async (server, options) => {
    const pool = new Pool({
      connectionString: options.connectionString,
      max: options.max ?? 10,
      idleTimeoutMillis: 10_000,
    });
    pool.on('error', (err) => server.log(['pg', 'error'], err.message));

    // Fail fast at boot if the database is unreachable.
    await pool.query('SELECT 1');

    server.app.pg = pool;
    server.ext('onPostStop', async () => {
      await pool.end();
    });
  },
};

export async function withTransaction<T>(pool: Pool, fn: (client: PoolClient) => Promise<T>): Promise<T> {
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
