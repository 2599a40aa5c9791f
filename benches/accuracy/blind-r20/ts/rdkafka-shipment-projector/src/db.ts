import { Pool } from 'pg';

export const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  max: 80,
  idleTimeoutMillis: 30_000,
});

export function auditPool(): Pool {
  return new Pool({
    connectionString: process.env.AUDIT_DATABASE_URL,
    max: 2,
  });
}
