import { readable, type Readable } from 'svelte/store';
import PocketBase, { type RecordModel, type RecordSubscription } from 'pocketbase';

// One PocketBase client (and therefore one realtime SSE connection) for the whole screen.
export const pb = new PocketBase(import.meta.env.VITE_POCKETBASE_URL ?? 'http://127.0.0.1:8090');

pb.autoCancellation(false);

export interface KitchenOrder {
  id: string;
  table: string;
  items: { name: string; qty: number; notes?: string }[];
  status: 'new' | 'cooking' | 'ready' | 'served';
  created: string;
}

export const online: Readable<boolean> = readable(navigator.onLine, (set) => {
  const up = () => set(true);
  const down = () => set(false);
  window.addEventListener('online', up);
  window.addEventListener('offline', down);
  return () => {
    window.removeEventListener('online', up);
    window.removeEventListener('offline', down);
  };
});

export const clock: Readable<Date> = readable(new Date(), (set) => {
  const id = setInterval(() => set(new Date()), 1_000);
  return () => clearInterval(id);
});

// A live view of a collection. The realtime subscription exists only while the
// store has subscribers, and is removed when the last one goes away.
export function liveCollection<T extends RecordModel>(name: string, filter = ''): Readable<T[]> {
  return readable<T[]>([], (set) => {
    let items: T[] = [];
    let stopped = false;
    let unsubscribe: (() => Promise<void>) | undefined;

    pb.collection(name)
      .getFullList<T>({ filter, sort: 'created' })
      .then((list) => {
        items = list;
        if (!stopped) set(items);
      })
      .catch((err) => console.error(`load ${name} failed`, err));

    pb.collection(name)
      .subscribe<T>('*', (e: RecordSubscription<T>) => {
        if (e.action === 'delete') items = items.filter((i) => i.id !== e.record.id);
        else if (items.some((i) => i.id === e.record.id))
          items = items.map((i) => (i.id === e.record.id ? e.record : i));
        else items = [...items, e.record];
        set(items);
      })
      .then((fn) => {
        if (stopped) void fn();
        else unsubscribe = fn;
      });

    return () => {
      stopped = true;
      void unsubscribe?.();
    };
  });
}
