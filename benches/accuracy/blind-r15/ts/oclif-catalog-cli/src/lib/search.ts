import { Client } from "@elastic/elasticsearch";

// Each tenant has its own Elastic Cloud deployment. One client per tenant, reused for
// the lifetime of the process.
const clients = new Map<string, Client>();

export function searchFor(tenant: string, cloudId: string): Client {
  let es = clients.get(tenant);
  if (!es) {
    es = new Client({
      cloud: { id: cloudId },
      auth: { apiKey: process.env[`ES_API_KEY_${tenant.toUpperCase()}`] ?? "" },
      maxRetries: 3,
    });
    clients.set(tenant, es);
  }
  return es;
}

export async function closeAll() {
  await Promise.all([...clients.values()].map((c) => c.close()));
  clients.clear();
}
