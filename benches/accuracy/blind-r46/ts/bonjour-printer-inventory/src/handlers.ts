import type { Service } from 'bonjour-service';
import type Redis from 'ioredis';
import type { Pool } from 'pg';

type Deps = { db: Pool; redis: Redis; site: string };

export function makeDiscoveryHandlers({ db, redis, site }: Deps) {
  // Called for every mDNS announcement of a matching service.
  async function onUp(service: Service) {
    const address = service.addresses?.find((a) => a.includes('.')) ?? service.host;
    const model = service.txt?.ty ?? service.txt?.product ?? 'unknown';

    const client = await db.connect();
    try {
      await client.query(
        `INSERT INTO network_devices (site, fqdn, name, address, port, model, kind, last_seen)
         VALUES ($1, $2, $3, $4, $5, $6, $7, now())
         ON CONFLICT (site, fqdn) DO UPDATE
           SET address = EXCLUDED.address, port = EXCLUDED.port, model = EXCLUDED.model, last_seen = now()`,
        [site, service.fqdn, service.name, address, service.port, model, service.type],
      );
    } finally {
      client.release();
    }
    await redis.hset(`devices:${site}:online`, service.fqdn, Date.now());
  }

  async function onDown(service: Service) {
    await redis.hdel(`devices:${site}:online`, service.fqdn);
    await db.query('UPDATE network_devices SET went_offline_at = now() WHERE site = $1 AND fqdn = $2', [
      site,
      service.fqdn,
    ]);
  }

  return { onUp, onDown };
}
