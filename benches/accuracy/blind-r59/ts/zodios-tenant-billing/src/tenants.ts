import { Pool } from "pg";

/**
 * Each tenant has its own database. Pools are created lazily the first time a
 * tenant is seen and then kept for the life of the process (one per tenant).
 */
const tenantPools = new Map<string, Pool>();

interface TenantRow {
  id: string;
  database_url: string;
  active: boolean;
}

export async function tenantPool(control: Pool, tenantId: string): Promise<Pool | null> {
  const existing = tenantPools.get(tenantId);
  if (existing) return existing;

  const { rows } = await control.query<TenantRow>(
    `SELECT id, database_url, active FROM tenants WHERE id = $1`,
    [tenantId],
  );
  const tenant = rows[0];
  if (!tenant || !tenant.active) return null;

  // Re-check after the await: a concurrent request may have created it.
  const raced = tenantPools.get(tenantId);
  if (raced) return raced;

  const pool = new Pool({ connectionString: tenant.database_url, max: 4, idleTimeoutMillis: 60_000 });
  pool.on("error", (err) => console.error(`[tenant ${tenantId}] pool error`, err));
  tenantPools.set(tenantId, pool);
  return pool;
}

export async function closeTenantPools(): Promise<void> {
  const pools = [...tenantPools.values()];
  tenantPools.clear();
  await Promise.allSettled(pools.map((p) => p.end()));
}
