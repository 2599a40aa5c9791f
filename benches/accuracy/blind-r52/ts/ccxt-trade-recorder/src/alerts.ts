import { Redis } from 'ioredis';

const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', {
  maxRetriesPerRequest: 2,
  enableAutoPipelining: true,
});

const SPREAD_BPS_LIMIT = Number(process.env.SPREAD_BPS_LIMIT ?? 15);
const ALERT_COOLDOWN_S = 120;

redis.on('error', (err) => console.error('[alerts] redis error', err.message));

/**
 * Called on every order book update; publishes a spread alert at most once
 * per cooldown window per symbol, and keeps the latest top-of-book in a hash
 * for the dashboard.
 */
export async function checkSpread(symbol: string, bid: number, ask: number): Promise<void> {
  const mid = (bid + ask) / 2;
  const spreadBps = ((ask - bid) / mid) * 10_000;

  await redis.hset(`tob:${symbol}`, {
    bid: bid.toString(),
    ask: ask.toString(),
    spread_bps: spreadBps.toFixed(2),
    updated_at: Date.now().toString(),
  });

  if (spreadBps < SPREAD_BPS_LIMIT) return;

  const armed = await redis.set(`spread-alert:${symbol}`, '1', 'EX', ALERT_COOLDOWN_S, 'NX');
  if (armed !== 'OK') return;

  await redis.publish(
    'alerts:spread',
    JSON.stringify({ symbol, bid, ask, spreadBps: Number(spreadBps.toFixed(2)), at: new Date().toISOString() }),
  );
}

export async function closeAlerts(): Promise<void> {
  await redis.quit();
}
