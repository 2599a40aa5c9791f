import { useCallback, useState } from 'react';
import { useShape } from '@electric-sql/react';
import type { Row } from '@electric-sql/client';
import { useDeviceState, useNow, useReadyOrderAlerts, useStationChannel } from './hooks';

type Order = Row & { id: string; table_no: number; items: string; status: string; placed_at: string };

const ELECTRIC_URL = import.meta.env.VITE_ELECTRIC_URL ?? 'http://localhost:3000/v1/shape';

export function App() {
  const [station, setStation] = useState('grill');
  const [toasts, setToasts] = useState<string[]>([]);
  const now = useNow();
  const { online, visible } = useDeviceState();
  useStationChannel(station, setStation);

  // useShape owns its stream and tears it down on unmount / param change.
  const { data: orders, isLoading } = useShape<Order>({
    url: ELECTRIC_URL,
    params: { table: 'orders', where: `station = '${station}' AND status <> 'served'` },
  });

  const onReady = useCallback((order: Row) => {
    setToasts((t) => [...t.slice(-4), `Table ${order.table_no} ready`]);
  }, []);
  useReadyOrderAlerts(station, onReady);

  return (
    <main style={{ opacity: online && visible ? 1 : 0.5 }}>
      <header>
        <select value={station} onChange={(e) => setStation(e.target.value)}>
          <option value="grill">Grill</option>
          <option value="fry">Fry</option>
          <option value="pastry">Pastry</option>
        </select>
        {!online && <span className="badge">offline</span>}
      </header>
      {isLoading ? (
        <p>Loading…</p>
      ) : (
        <ul>
          {orders.map((o) => (
            <li key={o.id}>
              T{o.table_no} · {o.items} · {o.status} · {Math.round((now - Date.parse(o.placed_at)) / 60000)} min
            </li>
          ))}
        </ul>
      )}
      <aside>{toasts.map((t, i) => <div key={i}>{t}</div>)}</aside>
    </main>
  );
}
