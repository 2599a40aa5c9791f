import React, { useEffect, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';

interface Settings {
  endpoint: string;
  token: string;
  fileKey: string | null;
}

type PluginMessage =
  | ({ type: 'settings' } & Settings)
  | { type: 'selection'; names: string[] }
  | { type: 'applied'; count: number };

const post = (pluginMessage: unknown) => parent.postMessage({ pluginMessage }, '*');

function App() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [selection, setSelection] = useState<string[]>([]);
  const [status, setStatus] = useState('idle');
  const [lastSync, setLastSync] = useState<Date | null>(null);
  const [narrow, setNarrow] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);

  // Messages from the sandbox (code.ts).
  useEffect(() => {
    const onMessage = (e: MessageEvent<{ pluginMessage?: PluginMessage }>) => {
      const msg = e.data.pluginMessage;
      if (!msg) return;
      if (msg.type === 'settings') setSettings(msg);
      if (msg.type === 'selection') setSelection(msg.names);
      if (msg.type === 'applied') {
        setStatus(`applied ${msg.count}`);
        setLastSync(new Date());
      }
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, []);

  // Live token pushes from the token service while the plugin window is open.
  useEffect(() => {
    if (!settings?.token || !settings.fileKey) return;
    const url = settings.endpoint.replace(/^http/, 'ws') + `/v1/files/${settings.fileKey}/stream?token=${encodeURIComponent(settings.token)}`;
    const ws = new WebSocket(url);
    ws.onopen = () => setStatus('live');
    ws.onclose = () => setStatus('disconnected');
    ws.onmessage = (e) => {
      const payload = JSON.parse(e.data as string) as { collection: string; tokens: Record<string, string> };
      post({ type: 'apply-tokens', ...payload });
    };
    return () => {
      ws.onclose = null;
      ws.close(1000, 'plugin closed');
    };
  }, [settings?.endpoint, settings?.token, settings?.fileKey]);

  // Fallback poll in case the socket is blocked by a proxy.
  useEffect(() => {
    if (!settings?.token || !settings.fileKey) return;
    const ctrl = new AbortController();
    const poll = async () => {
      const res = await fetch(`${settings.endpoint}/v1/files/${settings.fileKey}/tokens`, {
        headers: { authorization: `Bearer ${settings.token}` },
        signal: ctrl.signal,
      });
      if (res.ok) post({ type: 'apply-tokens', ...(await res.json()) });
    };
    const id = window.setInterval(() => void poll().catch(() => undefined), 60_000);
    return () => {
      window.clearInterval(id);
      ctrl.abort();
    };
  }, [settings?.endpoint, settings?.token, settings?.fileKey]);

  useEffect(() => {
    const el = rootRef.current;
    if (!el) return;
    const ro = new ResizeObserver(([entry]) => setNarrow(entry.contentRect.width < 340));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  return (
    <div ref={rootRef} className={narrow ? 'ts narrow' : 'ts'}>
      <header>
        <strong>Token Sync</strong> <span className="status">{status}</span>
      </header>
      <p>{lastSync ? `Last sync ${lastSync.toLocaleTimeString()}` : 'Not synced yet'}</p>
      <p>Selection: {selection.length ? selection.join(', ') : '—'}</p>
      <button onClick={() => post({ type: 'close' })}>Close</button>
    </div>
  );
}

createRoot(document.getElementById('root')!).render(<App />);
