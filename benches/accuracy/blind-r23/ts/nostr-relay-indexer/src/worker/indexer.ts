import WebSocket from 'ws';
import { Redis } from 'ioredis';
import { SimplePool, useWebSocketImplementation } from 'nostr-tools/pool';
import { createPool, waitForDatabase } from '../lib/db.js';
import { makeEventHandler } from './handler.js';

useWebSocketImplementation(WebSocket);

const RELAYS = (process.env.NOSTR_RELAYS ?? 'wss://relay.damus.io,wss://nos.lol,wss://relay.nostr.band')
  .split(',')
  .map((r) => r.trim());

async function main() {
  const pool = createPool('worker');
  await waitForDatabase(pool);
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379');

  const onEvent = makeEventHandler({ pool, redis });
  const relayPool = new SimplePool();

  const { rows } = await pool.query<{ since: number | null }>(
    'select extract(epoch from max(created_at))::int as since from notes',
  );
  const since = rows[0]?.since ?? Math.floor(Date.now() / 1000) - 86_400;

  const sub = relayPool.subscribeMany(RELAYS, [{ kinds: [1], '#t': ['acme', 'acmehq'], since }], {
    onevent(event) {
      onEvent(event, 'pool').catch((err) => console.error('index failed', event.id, err));
    },
    oneose() {
      console.log('caught up with stored events, now streaming');
    },
  });

  const shutdown = async () => {
    sub.close();
    relayPool.close(RELAYS);
    await redis.quit();
    await pool.end();
    process.exit(0);
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
