import pg from 'pg';

// Each process (gateway, worker) calls this exactly once at start-up.
export function createPool(role: 'gateway' | 'worker'): pg.Pool {
  return new pg.Pool({
    connectionString: process.env.DATABASE_URL,
    max: role === 'gateway' ? 4 : 8,
    application_name: `sensors-${role}`,
    idleTimeoutMillis: 30_000,
  });
}
