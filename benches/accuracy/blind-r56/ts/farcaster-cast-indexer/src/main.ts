import { getSSLHubRpcClient, HubEventType } from '@farcaster/hub-nodejs';
import { Redis } from 'ioredis';
import { setTimeout as sleep } from 'node:timers/promises';
import { openPool, trackedChannels } from './db.js';
import { makeCastHandler } from './handler.js';

const CURSOR_KEY = 'fc:indexer:last-event-id';

async function main(): Promise<void> {
  const hub = getSSLHubRpcClient(process.env.HUB_RPC ?? 'hub-grpc.pinata.cloud');
  const pool = await openPool(process.env.DATABASE_URL ?? 'postgres://indexer@localhost/farcaster');
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379');
  const handle = makeCastHandler({ pool, redis, channels: await trackedChannels(pool) });

  let stopping = false;
  const stop = () => {
    stopping = true;
    hub.close();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);

  // The stream can drop; re-subscribe on the same hub client from the last stored event id.
  let backoff = 1000;
  while (!stopping) {
    const fromId = Number((await redis.get(CURSOR_KEY)) ?? 0) || undefined;
    const subscription = await hub.subscribe({ eventTypes: [HubEventType.MERGE_MESSAGE], fromId });
    if (subscription.isErr()) {
      console.error('subscribe failed', subscription.error.message);
      await sleep(backoff);
      backoff = Math.min(backoff * 2, 30_000);
      continue;
    }
    backoff = 1000;
    try {
      for await (const event of subscription.value) {
        await handle(event);
        await redis.set(CURSOR_KEY, String(event.id));
      }
    } catch (err) {
      if (!stopping) console.warn('hub stream ended', (err as Error).message);
    }
  }

  await Promise.allSettled([pool.end(), redis.quit()]);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
