import { LitElement, css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';

interface ClipView {
  id: string;
  url: string;
  title: string;
  selection: string;
}

@customElement('recent-clips')
export class RecentClips extends LitElement {
  static styles = css`
    :host { display: block; width: 320px; font: 13px system-ui, sans-serif; }
    li { margin-bottom: 8px; }
    .err { color: #b91c1c; }
  `;

  @state() private clips: ClipView[] = [];
  @state() private error = '';

  private onStorageChanged = (changes: Record<string, chrome.storage.StorageChange>, area: string) => {
    if (area === 'local' && changes.lastSavedAt) {
      void this.refresh();
    }
  };

  connectedCallback() {
    super.connectedCallback();
    chrome.storage.onChanged.addListener(this.onStorageChanged);
    void this.refresh();
  }

  disconnectedCallback() {
    chrome.storage.onChanged.removeListener(this.onStorageChanged);
    super.disconnectedCallback();
  }

  private async refresh() {
    const res = await chrome.runtime.sendMessage({ type: 'clip:recent' });
    if (res?.ok) {
      this.clips = res.clips;
      this.error = '';
    } else {
      this.error = res?.error ?? 'failed to load clips';
    }
  }

  render() {
    return html`
      ${this.error ? html`<p class="err">${this.error}</p>` : null}
      <ul>
        ${this.clips.map((c) => html`<li><a href=${c.url} target="_blank">${c.title}</a><br />${c.selection}</li>`)}
      </ul>
    `;
  }
}
