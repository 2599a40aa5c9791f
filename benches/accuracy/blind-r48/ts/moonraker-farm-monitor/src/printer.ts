import WebSocket from 'ws';
import type { StatusUpdate, HistoryChange } from './handlers.js';

interface Handlers {
  onStatusUpdate(update: StatusUpdate): Promise<void>;
  onHistoryChanged(change: HistoryChange): Promise<void>;
}

const SUBSCRIBE = {
  jsonrpc: '2.0',
  method: 'printer.objects.subscribe',
  params: {
    objects: {
      extruder: ['temperature', 'target'],
      heater_bed: ['temperature', 'target'],
      print_stats: ['state', 'filename'],
    },
  },
  id: 1,
};

export class PrinterLink {
  private ws: WebSocket | null = null;
  private backoff = 1000;
  private stopped = false;

  constructor(
    readonly id: string,
    private readonly url: string,
    private readonly handlers: Handlers,
  ) {}

  start(): void {
    this.stopped = false;
    this.open();
  }

  stop(): void {
    this.stopped = true;
    this.ws?.close();
  }

  private open(): void {
    const ws = new WebSocket(this.url, { handshakeTimeout: 5000 });
    this.ws = ws;

    ws.on('open', () => {
      this.backoff = 1000;
      console.log(`[${this.id}] connected`);
      ws.send(JSON.stringify(SUBSCRIBE));
    });

    ws.on('message', (raw) => {
      const msg = JSON.parse(raw.toString());
      if (msg.method === 'notify_status_update') {
        this.handlers.onStatusUpdate(msg.params[0]).catch((e) => console.error(`[${this.id}] status`, e));
      } else if (msg.method === 'notify_history_changed') {
        this.handlers.onHistoryChanged(msg.params[0]).catch((e) => console.error(`[${this.id}] history`, e));
      } else if (msg.method === 'notify_klippy_ready') {
        ws.send(JSON.stringify(SUBSCRIBE));
      } else if (msg.id === 1 && msg.result?.status) {
        this.handlers.onStatusUpdate(msg.result.status).catch(() => undefined);
      }
    });

    ws.on('error', (err) => console.warn(`[${this.id}] socket error: ${err.message}`));

    ws.on('close', () => {
      this.ws = null;
      if (this.stopped) return;
      const delay = this.backoff;
      this.backoff = Math.min(this.backoff * 2, 60_000);
      console.warn(`[${this.id}] disconnected, reconnecting in ${delay} ms`);
      setTimeout(() => this.open(), delay);
    });
  }
}
