import { test as base, expect } from '@playwright/test';
import { Pool, type PoolClient } from 'pg';
import { randomUUID } from 'node:crypto';

export interface SeededUser {
  id: number;
  email: string;
  password: string;
}

type TestFixtures = {
  db: PoolClient;
  seededUser: SeededUser;
};

type WorkerFixtures = {
  dbPool: Pool;
};

export const test = base.extend<TestFixtures, WorkerFixtures>({
  // One small pool per Playwright worker process, shared by every test that worker runs.
  dbPool: [
    async ({}, use, workerInfo) => {
      const pool = new Pool({
        connectionString: process.env.E2E_DATABASE_URL,
        max: 2,
        application_name: `e2e-worker-${workerInfo.workerIndex}`,
      });
      await use(pool);
      await pool.end();
    },
    { scope: 'worker' },
  ],

  // Each test borrows one connection from the worker pool and gives it back.
  db: async ({ dbPool }, use) => {
    const client = await dbPool.connect();
    try {
      await use(client);
    } finally {
      client.release();
    }
  },

  seededUser: async ({ db }, use) => {
    const email = `e2e+${randomUUID()}@example.test`;
    const password = 'correct horse battery staple';
    const { rows } = await db.query<{ id: number }>(
      `INSERT INTO users (email, password_hash, confirmed_at)
       VALUES ($1, crypt($2, gen_salt('bf', 4)), now())
       RETURNING id`,
      [email, password],
    );
    await use({ id: rows[0].id, email, password });
    await db.query('DELETE FROM carts WHERE user_id = $1', [rows[0].id]);
    await db.query('DELETE FROM orders WHERE user_id = $1', [rows[0].id]);
    await db.query('DELETE FROM users WHERE id = $1', [rows[0].id]);
  },
});

export { expect };
