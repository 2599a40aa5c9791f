import { Bonjour } from 'bonjour-service';
import Redis from 'ioredis';

import { connectInventoryDb } from './db';
import { makeDiscoveryHandlers } from './handlers';

const SERVICE_TYPES = ['ipp', 'ipps', 'uscan', 'pdl-datastream'];

async function main() {
  const site = process.env.SITE_CODE ?? 'hq';
  const db = await connectInventoryDb();
  const redis = new Redis(process.env.INVENTORY_REDIS_URL ?? 'redis://localhost:6379/2');

  const { onUp, onDown } = makeDiscoveryHandlers({ db, redis, site });
  const bonjour = new Bonjour();

  const browsers = SERVICE_TYPES.map((type) => {
    const browser = bonjour.find({ type }, (service) => {
      onUp(service).catch((err) => console.error(`failed to record ${service.fqdn}`, err));
    });
    browser.on('down', (service) => {
      onDown(service).catch((err) => console.error(`failed to mark ${service.fqdn} down`, err));
    });
    return browser;
  });

  // Re-query every 10 minutes so devices that missed an announcement show up.
  const rescan = setInterval(() => browsers.forEach((b) => b.update()), 10 * 60_000);

  const shutdown = async () => {
    clearInterval(rescan);
    browsers.forEach((b) => b.stop());
    bonjour.destroy();
    await Promise.allSettled([db.end(), redis.quit()]);
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
