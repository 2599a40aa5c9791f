import pgPromise, { type IDatabase, type IMain } from 'pg-promise';

export type Db = IDatabase<Record<string, never>>;

/**
 * Each process (web, worker, one-off scripts) calls this exactly once at
 * start-up and ends the pool with `pgp.end()` on shutdown.
 */
export function createDb(role: 'web' | 'worker' | 'script'): { pgp: IMain; db: Db } {
  const pgp = pgPromise({ capSQL: true });
  const db: Db = pgp({
    connectionString: process.env.DATABASE_URL,
    max: role === 'web' ? 10 : 4,
    application_name: `invoices-${role}`,
  });
  return { pgp, db };
}
