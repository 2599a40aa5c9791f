import { ApolloProvider } from '@apollo/client';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { apollo } from './apollo';
import { AlertBanner } from './components/AlertBanner';
import { ConnectionStatus } from './components/ConnectionStatus';
import { LiveOrders } from './components/LiveOrders';
import { ThemeWatcher } from './components/ThemeWatcher';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ApolloProvider client={apollo}>
      <header>
        <ConnectionStatus />
        <ThemeWatcher />
      </header>
      <AlertBanner />
      <LiveOrders />
    </ApolloProvider>
  </StrictMode>,
);
