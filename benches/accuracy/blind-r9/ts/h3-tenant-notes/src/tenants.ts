import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';

export interface NotesDB {
  notes: { id: string; title: string; body: string; author_id: string; created_at: Date };
}

// Each tenant has its own database on the shared cluster. One Kysely (and one small pool)
// per tenant, created the first time the tenant is seen and reused for the life of the process.
const tenantDbs = new Map<string, Kysely<NotesDB>>();

function tenantUrl(tenant: string): string {
  const base = new URL(process.env.TENANT_CLUSTER_URL ?? 'postgres://notes:notes@localhost:5432/postgres');
  base.pathname = `/tenant_${tenant}`;
  return base.toString();
}

export function dbFor(tenant: string): Kysely<NotesDB> {
  let db = tenantDbs.get(tenant);
  if (!db) {
    db = new Kysely<NotesDB>({
      dialect: new PostgresDialect({
        pool: new pg.Pool({ connectionString: tenantUrl(tenant), max: 3, idleTimeoutMillis: 60_000 }),
      }),
    });
    tenantDbs.set(tenant, db);
  }
  return db;
}

export async function closeAll(): Promise<void> {
  await Promise.all([...tenantDbs.values()].map(db => db.destroy()));
  tenantDbs.clear();
}
