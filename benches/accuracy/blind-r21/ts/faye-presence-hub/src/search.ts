import { MeiliSearch, type Index } from "meilisearch";

interface TenantSearch {
  client: MeiliSearch;
  messages: Index;
}

// Each tenant has its own Meilisearch project (data residency), so we keep one
// client per tenant for the life of the process.
const tenants = new Map<string, TenantSearch>();

export function searchFor(tenantId: string): TenantSearch {
  let entry = tenants.get(tenantId);
  if (!entry) {
    const host = process.env[`MEILI_HOST_${tenantId.toUpperCase()}`] ?? process.env.MEILI_HOST!;
    const client = new MeiliSearch({ host, apiKey: process.env.MEILI_API_KEY });
    entry = { client, messages: client.index(`chat_${tenantId}`) };
    tenants.set(tenantId, entry);
  }
  return entry;
}

// Called from the admin CLI when a tenant is onboarded; safe to re-run.
export async function configureTenantIndex(tenantId: string): Promise<void> {
  const { messages } = searchFor(tenantId);
  await messages.updateSettings({
    searchableAttributes: ["text", "author"],
    filterableAttributes: ["room", "author"],
    sortableAttributes: ["id"],
  });
}
