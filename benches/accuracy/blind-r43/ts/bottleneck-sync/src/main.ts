import { createLimiter, createMarketplacePool, createPgPool } from './clients.js';
import { makeSyncer } from './syncer.js';

async function main(): Promise<void> {
  const pool = await createPgPool();
  const http = createMarketplacePool();
  const limiter = createLimiter();
  await limiter.ready();

  limiter.on('failed', async (err, jobInfo) => {
    if (jobInfo.retryCount < 3) return 2_000 * (jobInfo.retryCount + 1);
    console.error('giving up on', jobInfo.options.id, err);
    return undefined;
  });

  const syncOnce = makeSyncer({ pool, http, limiter });
  let stopping = false;
  process.once('SIGTERM', () => {
    stopping = true;
  });

  while (!stopping) {
    const started = Date.now();
    try {
      const n = await syncOnce();
      if (n > 0) console.log(`pushed ${n} products in ${Date.now() - started} ms`);
    } catch (err) {
      console.error('sync pass failed', err);
    }
    await new Promise((r) => setTimeout(r, 15_000));
  }

  await limiter.disconnect();
  await http.close();
  await pool.end();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
