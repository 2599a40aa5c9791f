import { Surreal } from "surrealdb";

const ALLOWED = new Set((process.env.TENANTS ?? "acme,globex,initech").split(","));

// One SurrealDB connection per tenant namespace, created on first use and reused
// for every later request of that tenant.
const connections = new Map<string, Promise<Surreal>>();

async function open(tenant: string): Promise<Surreal> {
  const db = new Surreal();
  await db.connect(process.env.SURREAL_URL ?? "http://127.0.0.1:8000/rpc", {
    namespace: `tenant_${tenant}`,
    database: "inventory",
    auth: {
      username: process.env.SURREAL_USER ?? "root",
      password: process.env.SURREAL_PASS ?? "root",
    },
  });
  return db;
}

export function tenantDb(tenant: string): Promise<Surreal> {
  if (!ALLOWED.has(tenant)) return Promise.reject(new Error(`unknown tenant ${tenant}`));
  let conn = connections.get(tenant);
  if (!conn) {
    conn = open(tenant);
    conn.catch(() => connections.delete(tenant));
    connections.set(tenant, conn);
  }
  return conn;
}

export async function closeAll(): Promise<void> {
  const all = [...connections.values()];
  connections.clear();
  await Promise.allSettled(all.map(async (p) => (await p).close()));
}
