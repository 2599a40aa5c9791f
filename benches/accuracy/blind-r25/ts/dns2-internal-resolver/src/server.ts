import dns2 from 'dns2';
import { createRegistryPool, createAnswerCache, createQueryLog } from './clients';
import { makeHandler, type HandlerDeps, type QueryLogRow } from './handler';

async function flush(deps: HandlerDeps): Promise<void> {
  if (deps.buffer.length === 0) return;
  const batch: QueryLogRow[] = deps.buffer.splice(0, deps.buffer.length);
  try {
    await deps.log.insert({ table: 'dns_queries', values: batch, format: 'JSONEachRow' });
  } catch (err) {
    console.error(`query log flush failed (${batch.length} rows dropped): ${(err as Error).message}`);
  }
}

async function main(): Promise<void> {
  const deps: HandlerDeps = {
    pool: createRegistryPool(),
    cache: await createAnswerCache(),
    log: createQueryLog(),
    buffer: [],
  };

  const server = dns2.createServer({
    udp: true,
    tcp: true,
    handle: makeHandler(deps),
  });

  server.on('listening', () => console.log('resolver listening', server.addresses()));
  server.on('requestError', (err: Error) => console.error('malformed request:', err.message));

  const flusher = setInterval(() => void flush(deps), 5_000);

  await server.listen({
    udp: { port: Number(process.env.DNS_PORT ?? 5353), address: '0.0.0.0' },
    tcp: { port: Number(process.env.DNS_PORT ?? 5353), address: '0.0.0.0' },
  });

  const shutdown = async () => {
    clearInterval(flusher);
    await server.close();
    await flush(deps);
    await Promise.allSettled([deps.pool.end(), deps.cache.quit(), deps.log.close()]);
    process.exit(0);
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
