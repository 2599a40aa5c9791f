import { Redis } from 'ioredis';

// Tenants are spread over a handful of Redis shards; keep one client per shard.
const shards = new Map<string, Redis>();

function shardClient(url: string): Redis {
  let client = shards.get(url);
  if (!client) {
    client = new Redis(url, { maxRetriesPerRequest: 2, enableOfflineQueue: false });
    client.on('error', (err) => console.error(`redis shard ${url}:`, err.message));
    shards.set(url, client);
  }
  return client;
}

export async function allow(tenantId: string, shardUrl: string, rpm: number): Promise<boolean> {
  const redis = shardClient(shardUrl);
  const window = Math.floor(Date.now() / 60_000);
  const key = `rl:${tenantId}:${window}`;
  const [[, count]] = (await redis.multi().incr(key).expire(key, 120).exec()) as [[Error | null, number]];
  return count <= rpm;
}

export async function closeShards(): Promise<void> {
  await Promise.all([...shards.values()].map((c) => c.quit()));
  shards.clear();
}
