import { useEffect, useState } from 'react';
import { EventsOn } from '../wailsjs/runtime/runtime';
import { StartSync, PauseSync } from '../wailsjs/go/main/App';
import SyncPanel from './components/SyncPanel';
import LogTail from './components/LogTail';

type View = 'sync' | 'logs';

export default function App() {
  const [view, setView] = useState<View>('sync');
  const [online, setOnline] = useState(true);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.metaKey && e.key === 'l') setView('logs');
      if (e.metaKey && e.key === 's') setView('sync');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    const off = EventsOn('network:status', (status: { online: boolean }) => setOnline(status.online));
    return off;
  }, []);

  return (
    <div className="shell">
      <header>
        <button onClick={() => setView('sync')}>Sync</button>
        <button onClick={() => setView('logs')}>Logs</button>
        <span className={online ? 'dot ok' : 'dot down'} />
        <button onClick={() => StartSync()}>Start</button>
        <button onClick={() => PauseSync()}>Pause</button>
      </header>
      {view === 'sync' ? <SyncPanel /> : <LogTail />}
    </div>
  );
}
