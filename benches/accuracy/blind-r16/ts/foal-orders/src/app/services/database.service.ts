import { Config } from '@foal/core';
import { Pool, type PoolClient } from 'pg';

// Foal services are singletons: the ServiceManager instantiates this class once
// and injects the same instance into every controller that declares it.
export class Database {
  private readonly pool = new Pool({
    connectionString: Config.getOrThrow('database.url', 'string'),
    max: Config.get('database.poolSize', 'number', 10),
  });

  async boot(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  query<T extends Record<string, unknown>>(text: string, values: unknown[] = []) {
    return this.pool.query<T>(text, values);
  }

  async transaction<T>(fn: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
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

  async close(): Promise<void> {
    await this.pool.end();
  }
}
