import { Pool } from 'pg';

// Files under functions/_utils are not exposed as endpoints by Nhost.
// The functions runtime keeps the Node process warm between invocations, so the pool is
// created lazily once per process and reused by every function file.
const globalForPg = globalThis as unknown as { __bakeryPool?: Pool };

export function getPool(): Pool {
  if (!globalForPg.__bakeryPool) {
    globalForPg.__bakeryPool = new Pool({
      connectionString: process.env.NHOST_DB_URL,
      max: 5,
      idleTimeoutMillis: 20_000,
    });
  }
  return globalForPg.__bakeryPool;
}
