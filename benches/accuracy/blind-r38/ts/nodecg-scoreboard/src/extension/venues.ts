import { Redis } from 'ioredis';

// One publisher per venue, created the first time that venue publishes and kept for the
// lifetime of the NodeCG process. Venues are an allow-list from the bundle config.
export function makeVenuePublishers(urls: Record<string, string>) {
  const clients = new Map<string, Redis>();

  function forVenue(venue: string): Redis {
    const url = urls[venue];
    if (!url) throw new Error(`unknown venue ${venue}`);
    let client = clients.get(venue);
    if (!client) {
      client = new Redis(url, { enableAutoPipelining: true });
      clients.set(venue, client);
    }
    return client;
  }

  async function closeAll(): Promise<void> {
    await Promise.allSettled([...clients.values()].map((c) => c.quit()));
    clients.clear();
  }

  return { forVenue, closeAll };
}
