import { Client as TypesenseClient } from "typesense";

export interface OrgSearchConfig {
  id: string;
  searchHost: string;
  searchApiKey: string;
}

// Each organization has its own Typesense cluster; one client per org,
// created the first time that org searches and reused afterwards.
const clients = new Map<string, TypesenseClient>();

export function searchClientFor(org: OrgSearchConfig): TypesenseClient {
  let client = clients.get(org.id);
  if (!client) {
    client = new TypesenseClient({
      nodes: [{ host: org.searchHost, port: 443, protocol: "https" }],
      apiKey: org.searchApiKey,
      connectionTimeoutSeconds: 5,
    });
    clients.set(org.id, client);
  }
  return client;
}
