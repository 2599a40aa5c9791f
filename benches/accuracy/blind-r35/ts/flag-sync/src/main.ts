import { makeEtcd, connectCassandraWithRetry } from './clients.js';
import { makeFlagHandlers } from './handlers.js';

async function main() {
  const etcd = makeEtcd();
  const cassandra = await connectCassandraWithRetry();
  const handlers = makeFlagHandlers({ cassandra });

  const watcher = await etcd.watch().prefix('flags/').create();
  watcher
    .on('put', (kv) => {
      handlers.onPut(kv).catch((err) => console.error('put sync failed', kv.key.toString(), err));
    })
    .on('delete', (kv) => {
      handlers.onDelete(kv).catch((err) => console.error('delete sync failed', kv.key.toString(), err));
    })
    .on('disconnected', () => console.warn('etcd watch disconnected, reconnecting'))
    .on('connected', () => console.log('etcd watch connected'));

  const shutdown = async () => {
    await watcher.cancel();
    etcd.close();
    await cassandra.shutdown();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
