import { LitElement, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';

@customElement('net-status')
export class NetStatus extends LitElement {
  @state() private online = navigator.onLine;

  private syncStatus = () => {
    this.online = navigator.onLine;
  };

  connectedCallback() {
    super.connectedCallback();
    window.addEventListener('online', this.syncStatus);
    window.addEventListener('offline', this.syncStatus);
  }

  disconnectedCallback() {
    window.removeEventListener('online', this.syncStatus);
    window.removeEventListener('offline', this.syncStatus);
    super.disconnectedCallback();
  }

  render() {
    return html`<span>${this.online ? 'Online' : 'Offline — changes will sync later'}</span>`;
  }
}
