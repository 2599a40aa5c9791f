import Pusher from 'pusher-js';

/**
 * The single Pusher Channels connection of the page. Views subscribe to and
 * unsubscribe from channels on it; none of them opens its own connection.
 */
let client: Pusher | null = null;

export function realtime(): Pusher {
  if (!client) {
    client = new Pusher(import.meta.env.VITE_PUSHER_KEY, {
      cluster: import.meta.env.VITE_PUSHER_CLUSTER ?? 'eu',
      forceTLS: true,
      activityTimeout: 60_000,
    });
    client.connection.bind('state_change', (states: { previous: string; current: string }) => {
      document.body.dataset.realtime = states.current;
    });
  }
  return client;
}

export function disconnectRealtime(): void {
  client?.disconnect();
  client = null;
}

export function channelName(region: string): string {
  return `dispatch-${region.toLowerCase()}`;
}

export interface IncidentEvent {
  id: string;
  status: 'open' | 'assigned' | 'en-route' | 'on-scene' | 'closed';
  priority: 1 | 2 | 3;
  unit?: string;
  updatedAt: string;
}
