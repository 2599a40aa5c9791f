import { useStore } from '@nanostores/react';
import { useEffect, useState } from 'react';
import { $online, rep } from '../rep';

export function SyncStatus() {
  const online = useStore($online);
  const [lastPull, setLastPull] = useState<Date | null>(null);

  useEffect(() => {
    const onOnline = () => $online.set(true);
    const onOffline = () => $online.set(false);
    window.addEventListener('online', onOnline);
    window.addEventListener('offline', onOffline);
    return () => {
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOffline);
    };
  }, []);

  useEffect(() => {
    const id = setInterval(() => {
      void rep.pull();
      setLastPull(new Date());
    }, 60_000);
    return () => clearInterval(id);
  }, []);

  useEffect(() => {
    const onFocus = () => {
      void rep.pull();
      setLastPull(new Date());
    };
    window.addEventListener('focus', onFocus);
  }, []);

  return (
    <footer>
      {online ? 'online' : 'offline'} · last sync {lastPull ? lastPull.toLocaleTimeString() : 'never'}
    </footer>
  );
}
