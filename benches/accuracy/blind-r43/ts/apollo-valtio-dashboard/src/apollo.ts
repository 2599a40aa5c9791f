import { ApolloClient, HttpLink, InMemoryCache, split } from '@apollo/client';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition } from '@apollo/client/utilities';
import { createClient } from 'graphql-ws';

const token = () => localStorage.getItem('ops:token') ?? '';

// Created once when the bundle loads; shared by every component.
export const wsClient = createClient({
  url: import.meta.env.VITE_GRAPHQL_WS ?? 'wss://api.example.com/graphql',
  connectionParams: () => ({ authorization: `Bearer ${token()}` }),
  retryAttempts: Infinity,
  shouldRetry: () => true,
});

const httpLink = new HttpLink({
  uri: import.meta.env.VITE_GRAPHQL_HTTP ?? 'https://api.example.com/graphql',
  headers: { authorization: `Bearer ${token()}` },
});

export const apollo = new ApolloClient({
  link: split(
    ({ query }) => {
      const def = getMainDefinition(query);
      return def.kind === 'OperationDefinition' && def.operation === 'subscription';
    },
    new GraphQLWsLink(wsClient),
    httpLink,
  ),
  cache: new InMemoryCache(),
});
