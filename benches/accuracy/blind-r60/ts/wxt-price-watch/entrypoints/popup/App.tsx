import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { getSupabase } from '@/utils/supabase';

interface WatchItem {
  sku: string;
  title: string;
  target_price: number;
  last_price: number | null;
}

export default function App() {
  const [items, setItems] = useState<WatchItem[]>([]);
  const [now, setNow] = useState(Date.now());

  useEffect(() => {
    let cancelled = false;
    browser.runtime.sendMessage({ type: 'watchlist' }).then((data: WatchItem[]) => {
      if (!cancelled) setItems(data ?? []);
    });
    return () => {
      cancelled = true;
    };
  }, []);

  useEffect(() => {
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && changes.watchlist) setItems((changes.watchlist.newValue as WatchItem[]) ?? []);
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);

  useEffect(() => {
    const supabase = getSupabase();
    const channel = supabase
      .channel('watchlist-prices')
      .on('postgres_changes', { event: 'UPDATE', schema: 'public', table: 'watchlist' }, (payload) => {
        const row = payload.new as WatchItem;
        setItems((prev) => prev.map((i) => (i.sku === row.sku ? row : i)));
      })
      .subscribe();
    return () => {
      void supabase.removeChannel(channel);
    };
  }, []);

  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, []);

  return (
    <main style={{ width: 320, padding: 12 }}>
      <h1>Price Watch</h1>
      <ul>
        {items.map((i) => (
          <li key={i.sku}>
            {i.title}: {i.last_price ?? '—'} (target {i.target_price})
          </li>
        ))}
      </ul>
      <small>updated {new Date(now).toLocaleTimeString()}</small>
    </main>
  );
}
