import { createClient, type ClickHouseClient } from "@clickhouse/client";
import { Client as OpenSearch } from "@opensearch-project/opensearch";

export function createClickHouse(): ClickHouseClient {
  return createClient({
    url: process.env.CLICKHOUSE_URL ?? "http://localhost:8123",
    username: process.env.CLICKHOUSE_USER ?? "default",
    password: process.env.CLICKHOUSE_PASSWORD ?? "",
    database: "analytics",
    max_open_connections: 10,
  });
}

// Tenants live on different OpenSearch clusters; keep one client per tenant for the life of the process.
const searchClients = new Map<string, OpenSearch>();

export function searchFor(tenant: string): OpenSearch {
  let client = searchClients.get(tenant);
  if (!client) {
    client = new OpenSearch({
      node: process.env[`OPENSEARCH_URL_${tenant.toUpperCase()}`] ?? `https://search-${tenant}.internal:9200`,
    });
    searchClients.set(tenant, client);
  }
  return client;
}

export async function closeSearchClients(): Promise<void> {
  await Promise.all([...searchClients.values()].map((c) => c.close()));
  searchClients.clear();
}
