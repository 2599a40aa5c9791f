import { Client } from "@elastic/elasticsearch";

const TENANT_CLUSTERS: Record<string, string> = {
  eu: process.env.ES_EU_URL ?? "http://es-eu:9200",
  us: process.env.ES_US_URL ?? "http://es-us:9200",
};

// one client per tenant cluster, reused across requests
const clients = new Map<string, Client>();

export function searchFor(tenant: string): Client {
  const node = TENANT_CLUSTERS[tenant];
  if (!node) throw new Error(`unknown tenant ${tenant}`);
  let client = clients.get(tenant);
  if (!client) {
    client = new Client({ node, auth: { apiKey: process.env[`ES_${tenant.toUpperCase()}_KEY`] ?? "" } });
    clients.set(tenant, client);
  }
  return client;
}

export async function closeSearchClients(): Promise<void> {
  await Promise.all([...clients.values()].map((c) => c.close()));
  clients.clear();
}
