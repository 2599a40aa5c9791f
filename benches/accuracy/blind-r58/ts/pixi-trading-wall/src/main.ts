import { Application, Text, type Ticker } from 'pixi.js';
import { Board } from './board';
import { QuoteFeed } from './feed';

const SYMBOLS = (import.meta.env.VITE_WALL_SYMBOLS ?? 'AAPL,MSFT,NVDA,AMZN,GOOGL,META,TSLA,ASML,SAP,NESN')
  .split(',')
  .map((s: string) => s.trim());

async function start(): Promise<() => void> {
  const app = new Application();
  await app.init({ background: '#0b0e14', resizeTo: window, antialias: true });
  document.getElementById('wall')!.appendChild(app.canvas);

  // Built once for the lifetime of the page.
  const feed = new QuoteFeed(import.meta.env.VITE_QUOTES_WS ?? 'wss://quotes.floor.internal/stream', SYMBOLS);

  const board = new Board(SYMBOLS, app.screen.width);
  const status = new Text({ text: '', style: { fill: 0x8b949e, fontSize: 18 } });
  status.position.set(24, app.screen.height - 36);
  app.stage.addChild(board, status);

  // Runs every frame (~60 times a second).
  const onTick = (ticker: Ticker) => {
    board.update(feed.snapshot(), ticker.deltaMS);
    status.text = `feed: ${feed.status}  ·  ${Math.round(ticker.FPS)} fps`;
  };
  app.ticker.add(onTick);

  const onVisibility = () => {
    if (document.hidden) app.ticker.stop();
    else app.ticker.start();
  };
  document.addEventListener('visibilitychange', onVisibility);

  return () => {
    document.removeEventListener('visibilitychange', onVisibility);
    app.ticker.remove(onTick);
    feed.close();
    app.destroy(true, { children: true });
  };
}

const stopPromise = start();

window.addEventListener('pagehide', () => {
  void stopPromise.then((stop) => stop());
});

if (import.meta.hot) {
  import.meta.hot.dispose(async () => {
    (await stopPromise)();
  });
}
