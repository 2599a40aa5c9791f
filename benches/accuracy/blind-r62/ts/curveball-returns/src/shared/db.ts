import { Pool } from 'pg';

/**
 * Shared factory. Each process (web, worker, backfill script) calls it once
 * and keeps the pool for its whole lifetime.
 */
export function createPool(role: 'web' | 'worker' | 'backfill'): Pool {
  return new Pool({
    connectionString: process.env.RETURNS_DATABASE_URL,
    application_name: `returns-${role}`,
    max: role === 'web' ? 10 : 3,
  });
}
