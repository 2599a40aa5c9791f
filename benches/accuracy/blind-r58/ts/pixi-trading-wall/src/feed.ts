export interface Quote {
  symbol: string;
  bid: number;
  ask: number;
  last: number;
  changePct: number;
  ts: number;
}

type FeedStatus = 'connecting' | 'open' | 'reconnecting' | 'closed';

/**
 * One WebSocket for the whole wall. Messages only update an in-memory map;
 * the render loop reads `snapshot()` every frame, so nothing network-related
 * happens inside the ticker.
 */
export class QuoteFeed {
  private socket: WebSocket | null = null;
  private readonly quotes = new Map<string, Quote>();
  private retry = 0;
  private retryTimer: number | undefined;
  private stopped = false;
  status: FeedStatus = 'connecting';

  constructor(private readonly url: string, private readonly symbols: string[]) {
    this.open();
  }

  private open(): void {
    const socket = new WebSocket(this.url);
    this.socket = socket;

    socket.addEventListener('open', () => {
      this.retry = 0;
      this.status = 'open';
      socket.send(JSON.stringify({ op: 'subscribe', symbols: this.symbols }));
    });

    socket.addEventListener('message', (event: MessageEvent<string>) => {
      const batch = JSON.parse(event.data) as Quote[];
      for (const quote of batch) this.quotes.set(quote.symbol, quote);
    });

    socket.addEventListener('close', () => {
      this.socket = null;
      if (this.stopped) return;
      // Reconnect with capped exponential backoff; the old socket is gone.
      this.status = 'reconnecting';
      const delay = Math.min(30_000, 500 * 2 ** this.retry++);
      this.retryTimer = window.setTimeout(() => this.open(), delay);
    });
  }

  snapshot(): ReadonlyMap<string, Quote> {
    return this.quotes;
  }

  close(): void {
    this.stopped = true;
    this.status = 'closed';
    window.clearTimeout(this.retryTimer);
    this.socket?.close(1000, 'wall shutting down');
    this.socket = null;
  }
}
