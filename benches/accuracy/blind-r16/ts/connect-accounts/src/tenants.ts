import { createClient } from '@libsql/client';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import { Code, ConnectError } from '@connectrpc/connect';
import { lookupTenant } from './control.js';
import * as schema from './schema.js';

type TenantDb = LibSQLDatabase<typeof schema>;

// One Turso database per tenant; clients are kept for the life of the process.
const tenantDbs = new Map<string, Promise<TenantDb>>();

async function openTenant(tenantId: string): Promise<TenantDb> {
  const tenant = await lookupTenant(tenantId);
  if (!tenant) throw new ConnectError(`unknown tenant ${tenantId}`, Code.NotFound);
  const client = createClient({ url: tenant.dbUrl, authToken: process.env.TURSO_GROUP_TOKEN });
  return drizzle(client, { schema });
}

export function tenantDb(tenantId: string): Promise<TenantDb> {
  let db = tenantDbs.get(tenantId);
  if (!db) {
    db = openTenant(tenantId);
    db.catch(() => tenantDbs.delete(tenantId));
    tenantDbs.set(tenantId, db);
  }
  return db;
}
