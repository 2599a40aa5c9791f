import { readFileSync } from "node:fs";
import { Pool } from "pg";
import Redis from "ioredis";

interface TenantConfig { databaseUrl: string }

const tenants: Record<string, TenantConfig> = JSON.parse(
  readFileSync(new URL("../config/tenants.json", import.meta.url), "utf8"),
);

const pools = new Map<string, Pool>();
let redis: Redis | null = null;

export function isKnownTenant(id: string): boolean {
  return Object.prototype.hasOwnProperty.call(tenants, id);
}

export function poolFor(tenantId: string): Pool {
  const cfg = tenants[tenantId];
  if (!cfg) throw new Error(`unknown tenant ${tenantId}`);
  let pool = pools.get(tenantId);
  if (!pool) {
    pool = new Pool({ connectionString: cfg.databaseUrl, max: 5 });
    pools.set(tenantId, pool);
  }
  return pool;
}

export function getRedis(): Redis {
  if (redis === null) {
    redis = new Redis(process.env.REDIS_URL ?? "redis://localhost:6379");
  }
  return redis;
}

export async function closeAll(): Promise<void> {
  await Promise.all([...pools.values()].map((p) => p.end()));
  pools.clear();
  if (redis) await redis.quit();
}
