import { useEffect, useState } from 'react';

import { getNats, jc } from '../nats';

interface Charger {
  id: string;
  kw: number;
  vehicle?: string;
}

export function ChargerStatus({ depot }: { depot: string }) {
  const [chargers, setChargers] = useState<Charger[]>([]);
  const [online, setOnline] = useState(navigator.onLine);

  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);

  useEffect(() => {
    // chargers only answer requests, they do not publish: poll every 10 s
    setInterval(async () => {
      const nc = await getNats();
      const reply = await nc.request(`depot.${depot}.chargers.status`, jc.encode({}), { timeout: 3000 });
      setChargers(jc.decode(reply.data) as Charger[]);
    }, 10_000);
  }, [depot]);

  return (
    <section className={online ? 'chargers' : 'chargers stale'}>
      {chargers.map((c) => (
        <div key={c.id}>
          {c.id}: {c.kw.toFixed(1)} kW {c.vehicle ?? ''}
        </div>
      ))}
    </section>
  );
}
