import { useEffect, useState } from 'react';

import { getNats, jc } from '../nats';

interface OrderEvent {
  id: string;
  customer: string;
  bay: number;
  status: 'created' | 'picking' | 'loaded';
}

export function OrderFeed({ depot }: { depot: string }) {
  const [orders, setOrders] = useState<OrderEvent[]>([]);

  useEffect(() => {
    let cancelled = false;
    getNats().then((nc) => {
      if (cancelled) return;
      nc.subscribe(`depot.${depot}.orders.*`, {
        callback: (err, msg) => {
          if (err) return console.error(err);
          const ev = jc.decode(msg.data) as OrderEvent;
          setOrders((prev) => [ev, ...prev.filter((o) => o.id !== ev.id)].slice(0, 30));
        },
      });
    });
    return () => {
      cancelled = true;
    };
  }, [depot]);

  return (
    <ul className="orders">
      {orders.map((o) => (
        <li key={o.id} className={o.status}>
          {o.customer} - bay {o.bay} - {o.status}
        </li>
      ))}
    </ul>
  );
}
