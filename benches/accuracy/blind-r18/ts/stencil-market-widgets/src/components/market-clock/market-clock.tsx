import { Component, Prop, State, h } from '@stencil/core';

@Component({ tag: 'market-clock', styleUrl: 'market-clock.css', shadow: true })
export class MarketClock {
  /** IANA zone of the exchange, e.g. America/New_York */
  @Prop() zone = 'America/New_York';
  @State() now = new Date();

  private timer?: ReturnType<typeof setInterval>;

  connectedCallback() {
    this.timer = setInterval(() => (this.now = new Date()), 1000);
  }

  disconnectedCallback() {
    clearInterval(this.timer);
  }

  render() {
    const local = this.now.toLocaleTimeString('en-US', { timeZone: this.zone, hour12: false });
    const [h24] = local.split(':').map(Number);
    const open = h24 >= 9 && h24 < 16;
    return (
      <span class={open ? 'open' : 'closed'}>
        {local} {open ? 'OPEN' : 'CLOSED'}
      </span>
    );
  }
}
