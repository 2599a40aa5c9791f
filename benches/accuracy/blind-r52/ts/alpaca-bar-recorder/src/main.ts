import Alpaca from '@alpacahq/alpaca-trade-api';

import { queueBar, flushBars, recordLastTrade } from './store';
import { closeClients } from './clients';

const SYMBOLS = (process.env.SYMBOLS ?? 'AAPL,MSFT,NVDA,SPY').split(',').map((s) => s.trim());

const alpaca = new Alpaca({
  keyId: process.env.APCA_API_KEY_ID,
  secretKey: process.env.APCA_API_SECRET_KEY,
  paper: true,
  feed: 'iex',
});

const stream = alpaca.data_stream_v2;

stream.onConnect(() => {
  console.log(`stream connected, subscribing to ${SYMBOLS.join(', ')}`);
  stream.subscribeForTrades(SYMBOLS);
  stream.subscribeForBars(SYMBOLS);
});

stream.onStockTrade((trade: { Symbol: string; Price: number; Size: number; Timestamp: string }) => {
  recordLastTrade(trade.Symbol, trade.Price, trade.Size, new Date(trade.Timestamp)).catch((err) =>
    console.error('last trade update failed', err.message),
  );
});

stream.onStockBar(
  (bar: {
    Symbol: string;
    Timestamp: string;
    OpenPrice: number;
    HighPrice: number;
    LowPrice: number;
    ClosePrice: number;
    Volume: number;
    VWAP: number;
    TradeCount: number;
  }) => {
    queueBar({
      symbol: bar.Symbol,
      ts: new Date(bar.Timestamp),
      open: bar.OpenPrice,
      high: bar.HighPrice,
      low: bar.LowPrice,
      close: bar.ClosePrice,
      volume: bar.Volume,
      vwap: bar.VWAP,
      tradeCount: bar.TradeCount,
    });
  },
);

stream.onError((err: Error) => console.error('stream error', err));
stream.onDisconnect(() => console.warn('stream disconnected'));

const flushTimer = setInterval(() => {
  flushBars().catch((err) => console.error('bar flush failed', err.message));
}, 5_000);

async function shutdown(): Promise<void> {
  clearInterval(flushTimer);
  stream.disconnect();
  await flushBars().catch((err) => console.error('final flush failed', err.message));
  await closeClients();
  process.exit(0);
}

process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());

stream.connect();
