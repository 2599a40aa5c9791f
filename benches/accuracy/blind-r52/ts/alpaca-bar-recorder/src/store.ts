import { getPool, getRedis } from './clients';

export interface BarRecord {
  symbol: string;
  ts: Date;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
  vwap: number;
  tradeCount: number;
}

const pending: BarRecord[] = [];
const FLUSH_AT = 200;

export function queueBar(bar: BarRecord): void {
  pending.push(bar);
  if (pending.length >= FLUSH_AT) {
    void flushBars();
  }
}

export async function flushBars(): Promise<number> {
  if (pending.length === 0) return 0;
  const batch = pending.splice(0, pending.length);

  const params: unknown[] = [];
  const tuples = batch.map((b, i) => {
    const o = i * 9;
    params.push(b.symbol, b.ts, b.open, b.high, b.low, b.close, b.volume, b.vwap, b.tradeCount);
    return `($${o + 1}, $${o + 2}, $${o + 3}, $${o + 4}, $${o + 5}, $${o + 6}, $${o + 7}, $${o + 8}, $${o + 9})`;
  });

  try {
    await getPool().query(
      `INSERT INTO bars_1m (symbol, ts, open, high, low, close, volume, vwap, trade_count)
       VALUES ${tuples.join(', ')}
       ON CONFLICT (symbol, ts) DO UPDATE
         SET close = EXCLUDED.close, high = EXCLUDED.high, low = EXCLUDED.low,
             volume = EXCLUDED.volume, vwap = EXCLUDED.vwap, trade_count = EXCLUDED.trade_count`,
      params,
    );
    return batch.length;
  } catch (err) {
    // put the batch back so the next flush retries it
    pending.unshift(...batch);
    throw err;
  }
}

export async function recordLastTrade(symbol: string, price: number, size: number, at: Date): Promise<void> {
  await getRedis().hset(`last:${symbol}`, {
    price: price.toString(),
    size: size.toString(),
    at: at.toISOString(),
  });
}
