import pg from 'pg';
import type { OHLCV } from 'ccxt';

const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  application_name: 'ccxt-trade-recorder/candles',
  max: 6,
  idleTimeoutMillis: 30_000,
});

pool.on('error', (err) => console.error('[candles] idle client error', err));

function hourBucket(ts: number): Date {
  const d = new Date(ts);
  d.setUTCMinutes(0, 0, 0);
  return d;
}

/**
 * Upsert a 1-minute candle and fold it into the hourly roll-up.
 * watchOHLCV re-delivers the still-open candle on every update, so most calls
 * only touch the current minute.
 */
export async function rollMinuteCandle(symbol: string, candle: OHLCV): Promise<void> {
  const [ts, open, high, low, close, volume] = candle.map(Number);
  const client = await pool.connect();
  await client.query('BEGIN');

  const { rows } = await client.query(
    'SELECT close, volume FROM candles_1m WHERE symbol = $1 AND ts = $2 FOR UPDATE',
    [symbol, new Date(ts)],
  );
  if (rows.length && Number(rows[0].close) === close && Number(rows[0].volume) === volume) {
    await client.query('ROLLBACK');
    return;
  }

  await client.query(
    `INSERT INTO candles_1m (symbol, ts, open, high, low, close, volume)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (symbol, ts) DO UPDATE
       SET high = GREATEST(candles_1m.high, EXCLUDED.high),
           low = LEAST(candles_1m.low, EXCLUDED.low),
           close = EXCLUDED.close,
           volume = EXCLUDED.volume`,
    [symbol, new Date(ts), open, high, low, close, volume],
  );
  await client.query(
    `INSERT INTO candles_1h (symbol, ts, open, high, low, close, volume)
     SELECT symbol, $2, (array_agg(open ORDER BY ts))[1], max(high), min(low),
            (array_agg(close ORDER BY ts DESC))[1], sum(volume)
       FROM candles_1m
      WHERE symbol = $1 AND ts >= $2 AND ts < $2 + interval '1 hour'
      GROUP BY symbol
     ON CONFLICT (symbol, ts) DO UPDATE
       SET high = EXCLUDED.high, low = EXCLUDED.low, close = EXCLUDED.close, volume = EXCLUDED.volume`,
    [symbol, hourBucket(ts)],
  );
  await client.query('COMMIT');
  client.release();
}

export async function closeCandles(): Promise<void> {
  await pool.end();
}
