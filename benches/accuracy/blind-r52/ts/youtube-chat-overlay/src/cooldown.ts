import { createClient } from 'redis';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * Per-viewer cooldown for chat commands, shared with the mod dashboard which
 * reads the same keys. Called for every chat line that looks like a command.
 */
export async function allowCommand(command: string, viewerId: string, seconds: number): Promise<boolean> {
  const redis = createClient({ url: REDIS_URL, socket: { connectTimeout: 2000 } });
  redis.on('error', (err) => console.warn('[cooldown] redis error', err.message));
  await redis.connect();

  const key = `yt:cooldown:${command}:${viewerId}`;
  const set = await redis.set(key, Date.now().toString(), { EX: seconds, NX: true });
  if (set !== 'OK') {
    const ttl = await redis.ttl(key);
    console.debug(`[cooldown] ${command} for ${viewerId} blocked, ${ttl}s left`);
    return false;
  }

  await redis.hIncrBy('yt:command-usage', command, 1);
  return true;
}

export async function commandUsage(): Promise<Record<string, string>> {
  const redis = createClient({ url: REDIS_URL });
  await redis.connect();
  try {
    return await redis.hGetAll('yt:command-usage');
  } finally {
    await redis.quit();
  }
}
