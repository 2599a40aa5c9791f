import noble from '@abandonware/noble';
import { createPool, loadKnownTags } from './store.js';
import { handleAdvertisement, type Deps } from './advertisement.js';

async function main(): Promise<void> {
  const pool = createPool();
  const deps: Deps = { pool, knownTags: await loadKnownTags(pool) };
  console.log(`gateway: tracking ${deps.knownTags.size} tags`);

  // Tag list changes rarely; refresh it every 10 minutes.
  const refresh = setInterval(async () => {
    try {
      deps.knownTags = await loadKnownTags(pool);
    } catch (err) {
      console.error('tag refresh failed', err);
    }
  }, 600_000);

  noble.on('stateChange', async (state) => {
    if (state === 'poweredOn') {
      // allowDuplicates = true: we want every advertisement, not only the first per tag.
      await noble.startScanningAsync([], true);
      console.log('gateway: scanning');
    } else {
      await noble.stopScanningAsync();
      console.warn(`gateway: adapter ${state}, scanning stopped`);
    }
  });

  noble.on('discover', (peripheral) => {
    handleAdvertisement(peripheral, deps).catch((err) => {
      console.error(`advertisement from ${peripheral.address} failed: ${err.message}`);
    });
  });

  const shutdown = async () => {
    clearInterval(refresh);
    await noble.stopScanningAsync();
    await pool.end();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
