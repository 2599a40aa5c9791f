import { Client } from '@opensearch-project/opensearch';
import Redis from 'ioredis';

// One OpenSearch client per tenant cluster, created on first use and reused.
const searchClients = new Map<string, Client>();

export function searchClientFor(tenant: string): Client {
  let client = searchClients.get(tenant);
  if (!client) {
    const node = process.env[`OPENSEARCH_NODE_${tenant.toUpperCase()}`] ?? process.env.OPENSEARCH_NODE!;
    client = new Client({
      node,
      auth: { username: process.env.OPENSEARCH_USER!, password: process.env.OPENSEARCH_PASSWORD! },
      maxRetries: 2,
      requestTimeout: 5_000,
    });
    searchClients.set(tenant, client);
  }
  return client;
}

let redis: Redis | undefined;

export function sharedRedis(): Redis {
  if (!redis) {
    redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { lazyConnect: false });
  }
  return redis;
}

export async function closeClients(): Promise<void> {
  await Promise.all([...searchClients.values()].map((c) => c.close()));
  searchClients.clear();
  await redis?.quit();
}
