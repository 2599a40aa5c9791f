import { readFileSync } from "node:fs";

export interface Tenant {
  id: string;
  database: string;
  signingSecret: string;
  relayOrigin: string | null;
  relayPath: string;
}

const file = process.env.TENANTS_FILE ?? "config/tenants.json";

// Fixed list, loaded once at boot; unknown tenant ids are rejected.
const tenants: ReadonlyMap<string, Tenant> = new Map(
  (JSON.parse(readFileSync(file, "utf8")) as Tenant[]).map((t) => [t.id, t]),
);

export function findTenant(id: string): Tenant | undefined {
  return tenants.get(id);
}

export function allTenants(): Tenant[] {
  return [...tenants.values()];
}
