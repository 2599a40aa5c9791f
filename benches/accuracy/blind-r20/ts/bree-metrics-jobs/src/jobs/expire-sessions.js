import { parentPort } from 'node:worker_threads';
import Redis from 'ioredis';

const redis = new Redis(process.env.SESSION_REDIS_URL ?? 'redis://127.0.0.1:6379/2', {
  maxRetriesPerRequest: 2,
});

const MAX_IDLE_MS = 1000 * 60 * 60 * 12;

async function sweep() {
  let cursor = '0';
  let removed = 0;
  const now = Date.now();

  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', 'sess:*', 'COUNT', 500);
    cursor = next;
    if (keys.length === 0) continue;

    const lastSeen = await redis.mget(keys.map((k) => `${k}:seen`));
    const stale = keys.filter((_, i) => !lastSeen[i] || now - Number(lastSeen[i]) > MAX_IDLE_MS);
    if (stale.length) {
      await redis.unlink(...stale, ...stale.map((k) => `${k}:seen`));
      removed += stale.length;
    }
  } while (cursor !== '0');

  return removed;
}

const removed = await sweep();
if (parentPort) {
  parentPort.postMessage(`expired ${removed} sessions`);
  parentPort.postMessage('done');
} else {
  process.exit(0);
}
