import ccxt from 'ccxt';
import { saveTrades } from './store.js';
import { rollMinuteCandle, closeCandles } from './candles.js';
import { checkSpread, closeAlerts } from './alerts.js';

const SYMBOLS = (process.env.SYMBOLS ?? 'BTC/USDT,ETH/USDT,SOL/USDT')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);

const exchange = new ccxt.pro.binance({
  enableRateLimit: true,
  options: { tradesLimit: 2000, OHLCVLimit: 120 },
});

let stopping = false;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function tradesLoop(symbol: string): Promise<void> {
  let since: number | undefined;
  while (!stopping) {
    try {
      const trades = await exchange.watchTrades(symbol, since);
      if (trades.length === 0) continue;
      since = (trades[trades.length - 1].timestamp ?? Date.now()) + 1;
      const inserted = await saveTrades(symbol, trades);
      if (inserted < trades.length) {
        console.debug(`[trades] ${symbol}: ${trades.length - inserted} duplicates skipped`);
      }
    } catch (err) {
      if (err instanceof ccxt.NetworkError) {
        console.warn(`[trades] ${symbol} network error, retrying`, err.message);
        await sleep(2000);
        continue;
      }
      throw err;
    }
  }
}

async function ohlcvLoop(symbol: string): Promise<void> {
  while (!stopping) {
    try {
      const candles = await exchange.watchOHLCV(symbol, '1m');
      for (const candle of candles) {
        await rollMinuteCandle(symbol, candle);
      }
    } catch (err) {
      if (err instanceof ccxt.NetworkError) {
        await sleep(2000);
        continue;
      }
      throw err;
    }
  }
}

async function bookLoop(symbol: string): Promise<void> {
  while (!stopping) {
    const book = await exchange.watchOrderBook(symbol, 20);
    const bid = book.bids[0];
    const ask = book.asks[0];
    if (bid && ask) {
      await checkSpread(symbol, Number(bid[0]), Number(ask[0]));
    }
  }
}

async function shutdown(signal: string): Promise<void> {
  console.log(`received ${signal}, closing websockets`);
  stopping = true;
  await exchange.close();
  await Promise.allSettled([closeCandles(), closeAlerts()]);
  process.exit(0);
}

process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

async function main(): Promise<void> {
  await exchange.loadMarkets();
  const unknown = SYMBOLS.filter((s) => !(s in exchange.markets));
  if (unknown.length) {
    throw new Error(`unknown symbols: ${unknown.join(', ')}`);
  }
  console.log(`recording ${SYMBOLS.join(', ')} from ${exchange.id}`);
  await Promise.all(
    SYMBOLS.flatMap((symbol) => [tradesLoop(symbol), ohlcvLoop(symbol), bookLoop(symbol)]),
  );
}

main().catch((err) => {
  console.error('recorder crashed', err);
  process.exit(1);
});
