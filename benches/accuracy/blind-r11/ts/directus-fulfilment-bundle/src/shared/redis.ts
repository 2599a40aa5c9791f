import Redis from 'ioredis';

let client: Redis | null = null;

// Both entries of the bundle share this module, so the process holds one connection.
export function getRedis(url: string): Redis {
  if (!client) {
    client = new Redis(url, { maxRetriesPerRequest: 2 });
  }
  return client;
}
