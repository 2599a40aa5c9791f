import postgres from 'postgres';

// Reuse one pool across Vite SSR module reloads in dev.
const globalForDb = globalThis as unknown as { storefrontSql?: postgres.Sql };

export const sql =
  globalForDb.storefrontSql ??
  postgres(process.env.DATABASE_URL!, {
    max: 5,
    idle_timeout: 20,
  });

if (import.meta.env.DEV) {
  globalForDb.storefrontSql = sql;
}
