import { Pool } from 'pg';

// Shared by the supervisor and the renderer children. Each OS process calls
// it exactly once at start-up and keeps the pool for its whole life.
export function createPool(role: 'supervisor' | 'renderer'): Pool {
  return new Pool({
    connectionString: process.env.MEDIA_PG_URL,
    max: role === 'supervisor' ? 3 : 2,
    application_name: `thumbs-${role}-${process.pid}`,
  });
}
