import pg from 'pg';
import { Redis } from 'ioredis';
import type { Transfer } from './types.js';

const PLANCK_PER_DOT = 10_000_000_000n;

// Watchlist + alert history live in the same indexer database.
const alertsDb = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: 3,
});

export async function raiseWhaleAlerts(transfers: Transfer[]): Promise<number> {
  const { rows } = await alertsDb.query<{ threshold_dot: string }>(
    "SELECT threshold_dot FROM alert_settings WHERE name = 'whale'",
  );
  const threshold = BigInt(rows[0]?.threshold_dot ?? '100000') * PLANCK_PER_DOT;
  const whales = transfers.filter((t) => t.amountPlanck >= threshold);
  if (whales.length === 0) return 0;

  const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379');
  for (const t of whales) {
    await alertsDb.query(
      'INSERT INTO whale_alerts (block_number, event_index, from_addr, to_addr, amount_planck) VALUES ($1, $2, $3, $4, $5)',
      [t.blockNumber, t.eventIndex, t.from, t.to, t.amountPlanck.toString()],
    );
    await redis.publish(
      'alerts:whale',
      JSON.stringify({ ...t, amountDot: (t.amountPlanck / PLANCK_PER_DOT).toString(), amountPlanck: undefined }),
    );
  }
  await redis.quit();
  return whales.length;
}
