import { Component, Host, Prop, State, Watch, h } from '@stencil/core';
import type { PublicationContext, Subscription } from 'centrifuge';
import { channel, release } from '../../lib/realtime';
import { state } from '../../lib/store';

@Component({ tag: 'price-ticker', styleUrl: 'price-ticker.css', shadow: true })
export class PriceTicker {
  @Prop() symbol!: string;
  @State() price?: number;
  @State() change = 0;

  private sub?: Subscription;

  private onPublication = (ctx: PublicationContext) => {
    const { price, open } = ctx.data as { price: number; open: number };
    this.price = price;
    this.change = ((price - open) / open) * 100;
  };

  connectedCallback() {
    this.attach(this.symbol);
  }

  disconnectedCallback() {
    this.detach();
  }

  @Watch('symbol')
  symbolChanged(next: string) {
    this.detach();
    this.attach(next);
  }

  private attach(symbol: string) {
    this.sub = channel(`prices:${symbol}`);
    this.sub.on('publication', this.onPublication);
  }

  private detach() {
    if (!this.sub) return;
    this.sub.removeListener('publication', this.onPublication);
    release(this.sub);
    this.sub = undefined;
  }

  render() {
    const cls = this.change >= 0 ? 'up' : 'down';
    return (
      <Host>
        <span class="symbol">{this.symbol}</span>
        <span class="price">{this.price?.toFixed(2) ?? '—'} {state.currency}</span>
        <span class={cls}>{this.change.toFixed(2)}%</span>
      </Host>
    );
  }
}
