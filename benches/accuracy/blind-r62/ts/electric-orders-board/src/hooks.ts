import { useEffect, useState } from 'react';
import { ShapeStream, isChangeMessage, type Row } from '@electric-sql/client';

const ELECTRIC_URL = import.meta.env.VITE_ELECTRIC_URL ?? 'http://localhost:3000/v1/shape';

/** Pops a toast for every new "ready" order, using a raw ShapeStream. */
export function useReadyOrderAlerts(station: string, onReady: (order: Row) => void) {
  useEffect(() => {
    const controller = new AbortController();
    const stream = new ShapeStream({
      url: ELECTRIC_URL,
      params: { table: 'orders', where: `station = '${station}' AND status = 'ready'` },
      signal: controller.signal,
    });
    const unsubscribe = stream.subscribe((messages) => {
      for (const msg of messages) {
        if (isChangeMessage(msg) && msg.headers.operation === 'insert') onReady(msg.value);
      }
    });
    return () => {
      unsubscribe();
      controller.abort();
    };
  }, [station, onReady]);
}

/** Ticking clock for the "waiting for" column. */
export function useNow(intervalMs = 15_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return now;
}

/** Tracks whether the tablet is online and visible, to dim the board when not. */
export function useDeviceState() {
  const [online, setOnline] = useState(navigator.onLine);
  const [visible, setVisible] = useState(document.visibilityState === 'visible');
  useEffect(() => {
    const onOnline = () => setOnline(true);
    const onOffline = () => setOnline(false);
    const onVisibility = () => setVisible(document.visibilityState === 'visible');
    window.addEventListener('online', onOnline);
    window.addEventListener('offline', onOffline);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOffline);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, []);
  return { online, visible };
}

/** Keeps several tabs on the same tablet in sync about which station is selected. */
export function useStationChannel(station: string, setStation: (s: string) => void) {
  useEffect(() => {
    const channel = new BroadcastChannel('kitchen-station');
    channel.onmessage = (e) => setStation(e.data);
    channel.postMessage(station);
    return () => channel.close();
  }, [station, setStation]);
}
