import { readFileSync } from 'node:fs';
import { Redis } from 'ioredis';

const REALM_URLS: Record<string, string> = JSON.parse(
  readFileSync(new URL('../config/realms.json', import.meta.url), 'utf8'),
);

const clients = new Map<string, Redis>();

export function knownRealms(): string[] {
  return Object.keys(REALM_URLS);
}

/** One connection per configured realm, created on first use and reused afterwards. */
export function realmRedis(realm: string): Redis | undefined {
  const url = REALM_URLS[realm];
  if (!url) return undefined;
  let client = clients.get(realm);
  if (!client) {
    client = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 3 });
    clients.set(realm, client);
  }
  return client;
}

export async function enqueueForRealm(realm: string, uuid: string, username: string): Promise<number | null> {
  const redis = realmRedis(realm);
  if (!redis) return null;
  await redis.zadd(`queue:${realm}`, 'NX', Date.now(), uuid);
  await redis.hset(`queue:${realm}:names`, uuid, username);
  const rank = await redis.zrank(`queue:${realm}`, uuid);
  return rank === null ? null : rank + 1;
}

export async function closeRealms(): Promise<void> {
  await Promise.all([...clients.values()].map((c) => c.quit()));
  clients.clear();
}
