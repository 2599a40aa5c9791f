import { Pool } from 'undici';

/**
 * Bounded cache of keep-alive pools, one per link origin. Articles link to a
 * few hundred distinct hosts; least-recently-used pools are closed on eviction.
 */
const MAX_ORIGINS = 200;
const pools = new Map<string, Pool>();

export function poolFor(origin: string): Pool {
  const existing = pools.get(origin);
  if (existing) {
    // refresh LRU position
    pools.delete(origin);
    pools.set(origin, existing);
    return existing;
  }

  if (pools.size >= MAX_ORIGINS) {
    const [oldestOrigin, oldestPool] = pools.entries().next().value as [string, Pool];
    pools.delete(oldestOrigin);
    void oldestPool.close().catch(() => undefined);
  }

  const pool = new Pool(origin, {
    connections: 2,
    keepAliveTimeout: 15_000,
    headersTimeout: 10_000,
    bodyTimeout: 10_000,
    connect: { rejectUnauthorized: true, timeout: 5_000 },
  });
  pools.set(origin, pool);
  return pool;
}

export async function closeAll(): Promise<void> {
  await Promise.allSettled([...pools.values()].map((p) => p.close()));
  pools.clear();
}
