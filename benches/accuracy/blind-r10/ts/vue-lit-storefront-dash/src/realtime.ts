import Pusher from 'pusher-js';
import * as Ably from 'ably';

export const pusher = new Pusher(import.meta.env.VITE_PUSHER_KEY, {
  cluster: import.meta.env.VITE_PUSHER_CLUSTER,
  channelAuthorization: { endpoint: '/api/pusher/auth', transport: 'ajax' },
});

export const ably = new Ably.Realtime({ authUrl: '/api/ably/token' });
