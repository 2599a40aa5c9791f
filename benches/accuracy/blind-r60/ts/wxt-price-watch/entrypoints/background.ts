import { defineBackground } from 'wxt/sandbox';
import { browser } from 'wxt/browser';
import { getSupabase } from '@/utils/supabase';

interface PriceSeen {
  sku: string;
  price: number;
  currency: string;
}

async function recordPrice(payload: PriceSeen, url: string | undefined) {
  const supabase = getSupabase();
  const { error } = await supabase.from('price_observations').insert({ ...payload, url });
  if (error) throw error;

  const { data } = await supabase.from('watchlist').select('target_price').eq('sku', payload.sku).maybeSingle();
  if (data && payload.price <= data.target_price) {
    await browser.notifications.create(`price-${payload.sku}`, {
      type: 'basic',
      iconUrl: '/icon/128.png',
      title: 'Price drop',
      message: `${payload.sku} is now ${payload.price} ${payload.currency}`,
    });
  }
  return { ok: true };
}

async function loadWatchlist() {
  const { data, error } = await getSupabase().from('watchlist').select('sku, title, target_price, last_price');
  if (error) throw error;
  await browser.storage.local.set({ watchlist: data });
  return data;
}

export default defineBackground(() => {
  // runs once each time the service worker starts
  browser.runtime.onMessage.addListener((message: any, sender) => {
    if (message?.type === 'price-seen') return recordPrice(message.payload, sender.tab?.url);
    if (message?.type === 'watchlist') return loadWatchlist();
    return undefined;
  });

  browser.alarms.create('refresh-watchlist', { periodInMinutes: 30 });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === 'refresh-watchlist') void loadWatchlist();
  });
});
