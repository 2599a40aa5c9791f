import { createClient } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import { eq } from 'drizzle-orm';
import { tenants } from './schema.js';

// Control-plane database: one client for the process.
const controlClient = createClient({
  url: process.env.CONTROL_DB_URL ?? 'libsql://control-acme.turso.io',
  authToken: process.env.TURSO_CONTROL_TOKEN,
});
export const control = drizzle(controlClient);

export async function lookupTenant(tenantId: string) {
  const [row] = await control.select().from(tenants).where(eq(tenants.id, tenantId)).limit(1);
  return row?.active ? row : undefined;
}
