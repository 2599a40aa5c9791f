import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { PresenceMessage } from 'ably';
import { ably } from '../realtime';

@customElement('presence-dot')
export class PresenceDot extends LitElement {
  static styles = css`
    :host { display: inline-flex; align-items: center; gap: 4px; }
    .dot { width: 8px; height: 8px; border-radius: 50%; background: #9ca3af; }
    .dot.live { background: #22c55e; }
  `;

  @property() room = 'lobby';

  @state() private members = 0;

  private onPresence = async (_msg: PresenceMessage) => {
    const present = await ably.channels.get(`presence:${this.room}`).presence.get();
    this.members = present.length;
  };

  connectedCallback() {
    super.connectedCallback();
    ably.channels.get(`presence:${this.room}`).presence.subscribe(this.onPresence);
  }

  render() {
    return html`<span class="dot ${this.members > 0 ? 'live' : ''}"></span>${this.members} online`;
  }
}
