import { Pool } from "undici";
import { allTenants, type Tenant } from "./tenants.js";

const relays = new Map<string, Pool>();

function relayFor(tenant: Tenant): Pool | null {
  if (!tenant.relayOrigin) return null;
  let pool = relays.get(tenant.id);
  if (!pool) {
    pool = new Pool(tenant.relayOrigin, { connections: 4, keepAliveTimeout: 60_000 });
    relays.set(tenant.id, pool);
  }
  return pool;
}

export async function relay(tenant: Tenant, eventType: string, body: string): Promise<boolean> {
  const pool = relayFor(tenant);
  if (!pool) return false;
  const { statusCode, body: resBody } = await pool.request({
    path: tenant.relayPath,
    method: "POST",
    headers: { "content-type": "application/json", "x-inbox-event-type": eventType },
    body,
  });
  await resBody.dump();
  return statusCode >= 200 && statusCode < 300;
}

export async function closeRelays(): Promise<void> {
  await Promise.all([...relays.values()].map((p) => p.close()));
  relays.clear();
}

export function warmRelays(): void {
  for (const t of allTenants()) relayFor(t);
}
