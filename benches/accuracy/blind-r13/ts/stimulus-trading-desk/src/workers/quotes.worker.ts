/// <reference lib="webworker" />
// Dedicated worker: one upstream WebSocket for the life of the worker, reconnected if it drops.

const URL_ = import.meta.env.VITE_QUOTES_WS_URL ?? "wss://quotes.example.com/stream";
let socket: WebSocket;
let wanted: string[] = [];
let backoff = 500;

function open(): void {
  socket = new WebSocket(URL_);
  socket.onopen = () => {
    backoff = 500;
    if (wanted.length) socket.send(JSON.stringify({ op: "subscribe", symbols: wanted }));
  };
  socket.onmessage = (e: MessageEvent<string>) => {
    self.postMessage(JSON.parse(e.data));
  };
  socket.onclose = () => {
    setTimeout(open, backoff);
    backoff = Math.min(backoff * 2, 30_000);
  };
}

open();

self.onmessage = (e: MessageEvent<{ subscribe: string[] }>) => {
  wanted = e.data.subscribe;
  if (socket.readyState === WebSocket.OPEN) {
    socket.send(JSON.stringify({ op: "subscribe", symbols: wanted }));
  }
};
