import { Component, Listen, Prop, State, h } from '@stencil/core';
import { state } from '../../lib/store';

type Level = [price: number, size: number];

@Component({ tag: 'order-book', styleUrl: 'order-book.css', shadow: true })
export class OrderBook {
  @Prop() symbol!: string;
  @Prop() depth = 10;
  @State() bids: Level[] = [];
  @State() asks: Level[] = [];

  private ws?: WebSocket;
  private reconnectTimer?: ReturnType<typeof setTimeout>;
  private disposed = false;

  connectedCallback() {
    this.disposed = false;
    window.addEventListener('online', this.onOnline);
    this.open();
  }

  disconnectedCallback() {
    this.disposed = true;
    window.removeEventListener('online', this.onOnline);
    clearTimeout(this.reconnectTimer);
    this.ws?.close(1000, 'component removed');
    this.ws = undefined;
  }

  // Stencil attaches and removes @Listen handlers together with the element.
  @Listen('visibilitychange', { target: 'document' })
  onVisibility() {
    if (document.visibilityState === 'visible' && !this.ws) this.open();
  }

  private onOnline = () => {
    state.online = true;
    if (!this.ws) this.open();
  };

  private open() {
    const ws = new WebSocket(`wss://md.markets.example.com/book/${encodeURIComponent(this.symbol)}?depth=${this.depth}`);
    ws.onmessage = (ev) => {
      const snap = JSON.parse(ev.data) as { bids: Level[]; asks: Level[] };
      this.bids = snap.bids;
      this.asks = snap.asks;
    };
    ws.onclose = () => {
      if (this.ws === ws) this.ws = undefined;
      if (!this.disposed) {
        this.reconnectTimer = setTimeout(() => this.open(), 3000);
      }
    };
    this.ws = ws;
  }

  render() {
    return (
      <table>
        <tbody>
          {this.asks.slice().reverse().map(([p, s]) => (
            <tr class="ask"><td>{p}</td><td>{s}</td></tr>
          ))}
          {this.bids.map(([p, s]) => (
            <tr class="bid"><td>{p}</td><td>{s}</td></tr>
          ))}
        </tbody>
      </table>
    );
  }
}
