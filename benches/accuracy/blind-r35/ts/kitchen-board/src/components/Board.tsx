import { useEffect, useState } from 'react';
import { useTickets } from '../hooks/useTickets';
import { useStationPresence } from '../hooks/useStationPresence';

function minutesSince(iso: string, now: number) {
  return Math.floor((now - Date.parse(iso)) / 60_000);
}

export function Board({ station, cook }: { station: string; cook: string }) {
  const tickets = useTickets(station);
  const cooks = useStationPresence(station, cook);
  const [now, setNow] = useState(Date.now());
  const [dark, setDark] = useState(() => window.matchMedia('(prefers-color-scheme: dark)').matches);
  const [hidden, setHidden] = useState(document.hidden);

  useEffect(() => {
    const id = window.setInterval(() => setNow(Date.now()), 15_000);
    return () => window.clearInterval(id);
  }, []);

  useEffect(() => {
    const mq = window.matchMedia('(prefers-color-scheme: dark)');
    const onChange = (e: MediaQueryListEvent) => setDark(e.matches);
    mq.addEventListener('change', onChange);
    return () => mq.removeEventListener('change', onChange);
  }, []);

  useEffect(() => {
    const onVisibility = () => setHidden(document.hidden);
    document.addEventListener('visibilitychange', onVisibility);
    return () => document.removeEventListener('visibilitychange', onVisibility);
  }, []);

  return (
    <div className={dark ? 'board dark' : 'board'} aria-busy={hidden}>
      <header>
        Station {station} · on line: {cooks.join(', ') || '—'}
      </header>
      <ul>
        {tickets.map((t) => (
          <li key={t.id} className={minutesSince(t.firedAt, now) > 12 ? 'late' : ''}>
            <strong>Table {t.table}</strong> · {t.status} · {minutesSince(t.firedAt, now)} min
            <ul>{t.items.map((i) => <li key={i}>{i}</li>)}</ul>
          </li>
        ))}
      </ul>
    </div>
  );
}
