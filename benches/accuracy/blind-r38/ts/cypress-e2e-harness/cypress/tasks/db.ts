import type { Pool } from 'pg';
import type { Redis } from 'ioredis';

type Deps = { pool: Pool; redis: Redis };
type NewCustomer = { email: string; name: string; credits?: number };

// Built once from setupNodeEvents; every cy.task() call reuses the same clients.
export function dbTasks({ pool, redis }: Deps) {
  return {
    async 'db:reset'(): Promise<null> {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query('TRUNCATE orders, order_lines, carts, customers RESTART IDENTITY CASCADE');
        await client.query(`INSERT INTO customers (email, name) VALUES ('seed@acme.test', 'Seed User')`);
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK');
        throw err;
      } finally {
        client.release();
      }
      return null;
    },

    async 'db:createCustomer'(c: NewCustomer): Promise<{ id: number }> {
      const { rows } = await pool.query(
        'INSERT INTO customers (email, name, store_credit_cents) VALUES ($1, $2, $3) RETURNING id',
        [c.email, c.name, c.credits ?? 0],
      );
      return rows[0];
    },

    async 'db:orderCount'(email: string): Promise<number> {
      const { rows } = await pool.query(
        'SELECT count(*)::int AS n FROM orders o JOIN customers c ON c.id = o.customer_id WHERE c.email = $1',
        [email],
      );
      return rows[0].n;
    },

    async 'cache:flush'(): Promise<null> {
      if (redis.status === 'wait') await redis.connect();
      await redis.flushdb();
      return null;
    },
  };
}
