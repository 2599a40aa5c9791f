import { createClient } from 'graphql-ws';

// One websocket for the whole tab; graphql-ws multiplexes subscriptions over it
// and connects lazily when the first subscription starts.
export const gql = createClient({
  url: import.meta.env.VITE_GRAPHQL_WS_URL ?? 'wss://api.kitchen.example/graphql',
  lazy: true,
  retryAttempts: Infinity,
  connectionParams: () => ({ token: localStorage.getItem('token') }),
});
