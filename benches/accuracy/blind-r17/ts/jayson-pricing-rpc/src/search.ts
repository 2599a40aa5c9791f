import { Client } from '@elastic/elasticsearch';

// Each tenant has its own Elastic Cloud deployment. Clients are created on
// first use and then reused for the life of the process.
const clients = new Map<string, Client>();

export function searchFor(tenant: string): Client {
  let client = clients.get(tenant);
  if (!client) {
    const cloudId = process.env[`ELASTIC_CLOUD_ID_${tenant.toUpperCase()}`];
    const apiKey = process.env[`ELASTIC_API_KEY_${tenant.toUpperCase()}`];
    if (!cloudId || !apiKey) throw new Error(`no search deployment configured for ${tenant}`);
    client = new Client({ cloud: { id: cloudId }, auth: { apiKey } });
    clients.set(tenant, client);
  }
  return client;
}

export async function closeAll(): Promise<void> {
  await Promise.all([...clients.values()].map((c) => c.close()));
  clients.clear();
}
