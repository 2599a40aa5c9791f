import { Database } from "arangojs";

const ARANGO_URL = process.env.ARANGO_URL ?? "http://127.0.0.1:8529";
const auth = { username: process.env.ARANGO_USER ?? "root", password: process.env.ARANGO_PASSWORD ?? "" };

/** Control-plane database: tenant registry, API keys. */
export const systemDb = new Database({ url: ARANGO_URL, databaseName: "control", auth, agentOptions: { maxSockets: 10 } });

// One Database handle per tenant, created the first time that tenant is seen
// and reused for the life of the process.
const tenantDbs = new Map<string, Database>();

export function tenantDb(tenantId: string): Database {
  let db = tenantDbs.get(tenantId);
  if (!db) {
    db = new Database({ url: ARANGO_URL, databaseName: `tenant_${tenantId}`, auth, agentOptions: { maxSockets: 4 } });
    tenantDbs.set(tenantId, db);
  }
  return db;
}

export async function closeAll(): Promise<void> {
  for (const db of tenantDbs.values()) db.close();
  systemDb.close();
}
