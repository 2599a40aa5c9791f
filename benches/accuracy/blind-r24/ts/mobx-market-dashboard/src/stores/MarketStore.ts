import { createContext } from "react";
import { makeAutoObservable, runInAction } from "mobx";

export interface Quote {
  symbol: string;
  bid: number;
  ask: number;
  last: number;
  ts: number;
}

// One store (and therefore one socket) for the whole app. Components only
// observe it; App owns connect()/disconnect().
export class MarketStore {
  quotes = new Map<string, Quote>();
  watchlist: string[] = ["AAPL", "MSFT", "NVDA"];
  status: "idle" | "connecting" | "open" | "closed" = "idle";

  private socket: WebSocket | null = null;
  private retry: ReturnType<typeof setTimeout> | undefined;
  private wanted = false;

  constructor(private readonly url: string) {
    makeAutoObservable<MarketStore, "socket" | "retry" | "wanted">(this, {
      socket: false,
      retry: false,
      wanted: false,
    });
  }

  connect(): void {
    this.wanted = true;
    if (this.socket) return;
    this.status = "connecting";
    const ws = new WebSocket(this.url);
    ws.onopen = () => {
      runInAction(() => (this.status = "open"));
      ws.send(JSON.stringify({ op: "subscribe", symbols: this.watchlist }));
    };
    ws.onmessage = (msg) => {
      const q = JSON.parse(msg.data as string) as Quote;
      runInAction(() => this.quotes.set(q.symbol, q));
    };
    ws.onclose = () => {
      if (this.socket !== ws) return; // an old socket closed after disconnect()
      runInAction(() => (this.status = "closed"));
      this.socket = null;
      if (this.wanted) this.retry = setTimeout(() => this.connect(), 2000);
    };
    this.socket = ws;
  }

  disconnect(): void {
    this.wanted = false;
    clearTimeout(this.retry);
    this.socket?.close(1000, "bye");
    this.socket = null;
  }

  toggle(symbol: string): void {
    this.watchlist = this.watchlist.includes(symbol)
      ? this.watchlist.filter((s) => s !== symbol)
      : [...this.watchlist, symbol];
    this.socket?.send(JSON.stringify({ op: "subscribe", symbols: this.watchlist }));
  }

  get spreadAlerts(): Quote[] {
    return [...this.quotes.values()].filter((q) => (q.ask - q.bid) / q.last > 0.005);
  }
}

export const StoreContext = createContext<MarketStore>(null as unknown as MarketStore);
