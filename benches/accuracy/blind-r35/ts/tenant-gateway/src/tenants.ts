import mysql from 'mysql2/promise';

export interface Tenant {
  id: string;
  host: string;
  upstream: string;
  redisShard: string;
  rpm: number;
}

// One pool for the whole gateway process, created at import time.
export const controlDb = mysql.createPool({
  uri: process.env.CONTROL_DB_URL ?? 'mysql://gateway@localhost:3306/control',
  connectionLimit: 10,
  enableKeepAlive: true,
});

const byHost = new Map<string, { tenant: Tenant | null; expires: number }>();
const TTL_MS = 30_000;

export async function tenantForHost(host: string): Promise<Tenant | null> {
  const hit = byHost.get(host);
  if (hit && hit.expires > Date.now()) return hit.tenant;

  const [rows] = await controlDb.execute(
    'SELECT id, host, upstream, redis_shard AS redisShard, rpm FROM tenants WHERE host = ? AND active = 1',
    [host],
  );
  const tenant = ((rows as Tenant[])[0] ?? null) as Tenant | null;
  byHost.set(host, { tenant, expires: Date.now() + TTL_MS });
  return tenant;
}
