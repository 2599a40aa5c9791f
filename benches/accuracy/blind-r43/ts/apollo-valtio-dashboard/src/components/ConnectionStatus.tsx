import { useEffect } from 'react';
import { useSnapshot } from 'valtio';
import { wsClient } from '../apollo';
import { ui } from '../state';

export function ConnectionStatus() {
  const snap = useSnapshot(ui);

  useEffect(() => {
    const offConnected = wsClient.on('connected', () => {
      ui.socket = 'connected';
    });
    const offClosed = wsClient.on('closed', () => {
      ui.socket = 'closed';
    });
    return () => {
      offConnected();
      offClosed();
    };
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    window.addEventListener('online', () => (ui.online = true), { signal: controller.signal });
    window.addEventListener('offline', () => (ui.online = false), { signal: controller.signal });
    return () => controller.abort();
  }, []);

  return (
    <span className={`dot ${snap.socket}`}>
      {snap.online ? snap.socket : 'offline'}
    </span>
  );
}
