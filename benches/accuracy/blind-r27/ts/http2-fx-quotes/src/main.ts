import { readFileSync } from 'node:fs';
import http2 from 'node:http2';
import { createPool, createRedis, type Deps } from './clients.js';
import { makeStreamHandler } from './router.js';
import { closeProviderPools } from './upstreams.js';

const PROVIDERS: Record<string, string> = {
  EUR: 'https://lp-eu.fxhub.example',
  USD: 'https://lp-us.fxhub.example',
  JPY: 'https://lp-ap.fxhub.example',
};

async function main(): Promise<void> {
  const deps: Deps = {
    pool: await createPool(process.env.DATABASE_URL ?? 'postgres://fx@localhost:5432/fx'),
    redis: createRedis(process.env.REDIS_URL ?? 'redis://localhost:6379/0'),
  };

  const server = http2.createSecureServer({
    key: readFileSync(process.env.TLS_KEY ?? 'certs/server.key'),
    cert: readFileSync(process.env.TLS_CERT ?? 'certs/server.crt'),
    allowHTTP1: false,
    settings: { maxConcurrentStreams: 256 },
  });

  server.on(
    'stream',
    makeStreamHandler(deps, {
      apiKey: process.env.LP_API_KEY ?? '',
      originForPair: (pair) => PROVIDERS[pair.slice(0, 3)] ?? PROVIDERS.USD,
    }),
  );
  server.on('sessionError', (err) => console.error('h2 session error', err.message));

  const port = Number(process.env.PORT ?? 8443);
  server.listen(port, () => console.log(`fx-quotes listening on https://0.0.0.0:${port}`));

  const shutdown = async () => {
    server.close();
    await closeProviderPools();
    await Promise.allSettled([deps.pool.end(), deps.redis.quit()]);
    process.exit(0);
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

main().catch((err) => {
  console.error('fatal', err);
  process.exit(1);
});
