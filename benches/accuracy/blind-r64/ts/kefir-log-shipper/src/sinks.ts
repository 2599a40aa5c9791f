import { readFileSync } from "node:fs";
import { createClient, type ClickHouseClient } from "@clickhouse/client";

interface TenantConfig {
  url: string;
  database: string;
  username: string;
  passwordEnv: string;
}

const tenants: Record<string, TenantConfig> = JSON.parse(
  readFileSync(process.env.TENANTS_FILE ?? "/etc/log-shipper/tenants.json", "utf8"),
);

// Each tenant has its own ClickHouse service; one client per tenant,
// created the first time that tenant logs and reused afterwards.
const clients = new Map<string, ClickHouseClient>();

export function clickhouseFor(tenant: string): ClickHouseClient | undefined {
  let client = clients.get(tenant);
  if (client) return client;
  const cfg = tenants[tenant];
  if (!cfg) return undefined;
  client = createClient({
    url: cfg.url,
    database: cfg.database,
    username: cfg.username,
    password: process.env[cfg.passwordEnv],
    max_open_connections: 4,
  });
  clients.set(tenant, client);
  return client;
}

export async function closeAll(): Promise<void> {
  await Promise.allSettled([...clients.values()].map((c) => c.close()));
  clients.clear();
}
