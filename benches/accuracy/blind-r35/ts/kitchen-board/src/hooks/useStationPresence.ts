import { useEffect, useState } from 'react';
import PartySocket from 'partysocket';

export function useStationPresence(station: string, cook: string): string[] {
  const [cooks, setCooks] = useState<string[]>([]);

  useEffect(() => {
    const socket = new PartySocket({
      host: import.meta.env.VITE_PARTYKIT_HOST ?? 'kitchen.partykit.dev',
      room: `station-${station}`,
      query: { cook },
    });
    const onMessage = (e: MessageEvent) => {
      const msg = JSON.parse(e.data) as { type: 'presence'; cooks: string[] };
      if (msg.type === 'presence') setCooks(msg.cooks);
    };
    socket.addEventListener('message', onMessage);
    return () => {
      socket.removeEventListener('message', onMessage);
      socket.close();
    };
  }, [station, cook]);

  return cooks;
}
