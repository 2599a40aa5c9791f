import { Client } from '@opensearch-project/opensearch';

// Each customer org has its own OpenSearch domain; one client per org, reused.
const clients = new Map<string, Client>();

export function searchFor(tenant: string): Client {
  let client = clients.get(tenant);
  if (!client) {
    client = new Client({
      node: `https://search-${tenant}.${process.env.SEARCH_DOMAIN_SUFFIX}`,
      auth: { username: 'helpdesk', password: process.env.SEARCH_PASSWORD! },
    });
    clients.set(tenant, client);
  }
  return client;
}

export async function closeSearchClients(): Promise<void> {
  await Promise.all([...clients.values()].map((c) => c.close()));
  clients.clear();
}
