import { useEffect, useRef, useState } from 'react';

import { getNats, jc } from '../nats';

interface Position {
  driver: string;
  lat: number;
  lon: number;
}

export function DriverMap({ depot, focusDriver }: { depot: string; focusDriver?: string }) {
  const [positions, setPositions] = useState<Record<string, Position>>({});
  const [eta, setEta] = useState<string | null>(null);
  const canvas = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    let sub: { unsubscribe(): void } | undefined;
    let cancelled = false;
    getNats().then((nc) => {
      if (cancelled) return;
      sub = nc.subscribe(`depot.${depot}.drivers.position`, {
        callback: (_err, msg) => {
          const p = jc.decode(msg.data) as Position;
          setPositions((prev) => ({ ...prev, [p.driver]: p }));
        },
      });
    });
    return () => {
      cancelled = true;
      sub?.unsubscribe();
    };
  }, [depot]);

  useEffect(() => {
    if (!focusDriver) return;
    // routing service streams ETAs over a plain websocket
    const ws = new WebSocket(`${import.meta.env.VITE_ROUTING_WS}/eta/${encodeURIComponent(focusDriver)}`);
    ws.onmessage = (e) => setEta(JSON.parse(e.data).eta);
  }, [focusDriver]);

  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx) return;
    ctx.clearRect(0, 0, 800, 500);
    for (const p of Object.values(positions)) {
      ctx.fillStyle = p.driver === focusDriver ? '#d33' : '#333';
      ctx.fillRect((p.lon + 180) * (800 / 360), (90 - p.lat) * (500 / 180), 4, 4);
    }
  }, [positions, focusDriver]);

  return (
    <figure>
      <canvas ref={canvas} width={800} height={500} />
      {eta && <figcaption>ETA {focusDriver}: {eta}</figcaption>}
    </figure>
  );
}
