import { Centrifuge, Subscription } from 'centrifuge';

let client: Centrifuge | undefined;

/** One Centrifugo connection per page, created on first use. */
export function realtime(): Centrifuge {
  if (!client) {
    client = new Centrifuge('wss://rt.markets.example.com/connection/websocket', {
      getToken: async () => {
        const res = await fetch('/api/realtime-token', { credentials: 'include' });
        if (!res.ok) throw new Error(`token ${res.status}`);
        return (await res.json()).token as string;
      },
    });
    client.connect();
  }
  return client;
}

/** Shared subscription per channel; several widgets may watch the same symbol. */
export function channel(name: string): Subscription {
  const rt = realtime();
  const existing = rt.getSubscription(name);
  if (existing) return existing;
  const sub = rt.newSubscription(name);
  sub.subscribe();
  return sub;
}

export function release(sub: Subscription): void {
  if (sub.listenerCount('publication') > 0) return;
  sub.unsubscribe();
  realtime().removeSubscription(sub);
}
