import { create } from "zustand";
import { subscribeWithSelector } from "zustand/middleware";

export interface Quote {
  symbol: string;
  bid: number;
  ask: number;
  last: number;
  ts: number;
}

type Status = "idle" | "connecting" | "open" | "closed";

interface MarketState {
  status: Status;
  quotes: Record<string, Quote>;
  refs: Record<string, number>;
  connect: () => void;
  disconnect: () => void;
  retain: (symbol: string) => () => void;
}

const FEED_URL = import.meta.env.VITE_FEED_URL ?? "wss://feed.example.com/v1/quotes";

// The single socket for the whole app lives outside React, owned by the store.
let socket: WebSocket | null = null;
let reconnectTimer: ReturnType<typeof setTimeout> | undefined;
let wanted = false;

function send(msg: object) {
  if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify(msg));
}

export const useMarket = create<MarketState>()(
  subscribeWithSelector((set, get) => ({
    status: "idle",
    quotes: {},
    refs: {},

    connect: () => {
      wanted = true;
      if (socket && socket.readyState <= WebSocket.OPEN) return;
      set({ status: "connecting" });
      const ws = new WebSocket(FEED_URL);
      socket = ws;
      ws.onopen = () => {
        set({ status: "open" });
        const symbols = Object.keys(get().refs);
        if (symbols.length) send({ op: "subscribe", symbols });
      };
      ws.onmessage = (ev) => {
        const q = JSON.parse(ev.data) as Quote;
        set((s) => ({ quotes: { ...s.quotes, [q.symbol]: q } }));
      };
      ws.onclose = () => {
        if (socket === ws) socket = null;
        set({ status: "closed" });
        if (wanted) reconnectTimer = setTimeout(() => get().connect(), 2_000);
      };
    },

    disconnect: () => {
      wanted = false;
      clearTimeout(reconnectTimer);
      socket?.close(1000, "bye");
      socket = null;
    },

    retain: (symbol) => {
      const refs = get().refs;
      if (!refs[symbol]) send({ op: "subscribe", symbols: [symbol] });
      set({ refs: { ...refs, [symbol]: (refs[symbol] ?? 0) + 1 } });
      return () => {
        const current = get().refs;
        const n = (current[symbol] ?? 1) - 1;
        const next = { ...current };
        if (n <= 0) {
          delete next[symbol];
          send({ op: "unsubscribe", symbols: [symbol] });
        } else {
          next[symbol] = n;
        }
        set({ refs: next });
      };
    },
  })),
);
